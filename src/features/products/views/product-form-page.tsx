import type { FieldErrors } from "../../../http/errors.js";
import type { FormValues } from "../../../kit/forms.js";
import { EmptyState, PageHeader } from "../../../web/components.js";
import type { Agency } from "../products.queries.js";
import { ProductForm } from "./forms.js";

/** Starting or editing a product, for someone who chairs a group that may lead it (or the secretariat). */
export function ProductFormPage(p: {
  title: string;
  action: string;
  submit: string;
  cancel: string;
  groups: Array<{ slug: string; name: string }>;
  agencies: Agency[];
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
}) {
  return (
    <>
      <PageHeader title={p.title} />
      {p.groups.length ? (
        <ProductForm
          action={p.action}
          csrf={p.csrf}
          values={p.values}
          errors={p.errors}
          message={p.message}
          groups={p.groups}
          agencies={p.agencies}
          submitLabel={p.submit}
          cancel={p.cancel}
        />
      ) : (
        <EmptyState title="You chair no working group.">
          A product is led by a group; its chairs and the secretariat start it.
        </EmptyState>
      )}
    </>
  );
}
