import type { FieldErrors } from "../../../http/errors.js";
import {
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeader,
  Select,
  TextArea,
} from "../../../web/components.js";
import type { Side } from "../editions.service.js";
import type { Edition } from "../ger.queries.js";
import { editionKindLabels } from "../ger.schemas.js";
import { Comparison } from "./comparison.js";
import { EditionTable, EditionTags, NoSnapshot, SnapshotTable } from "./edition-views.js";

export type Values = Record<string, string | string[] | undefined>;
const v = (values: Values, k: string) => String([values[k] ?? ""].flat()[0] ?? "");

/** Every edition, then the form that freezes the current plans as a draft. */
export function EditionAdminList(p: {
  editions: Edition[];
  notice: string | undefined;
  csrf: string;
  values: Values;
  errors?: FieldErrors;
  message?: string;
}) {
  const { values, errors } = p;
  return (
    <>
      <PageHeader
        title="Roadmap editions"
        lead="Freeze the agencies' current plans as a draft edition, check it, then publish it. Published editions never change."
      />
      <Notice text={p.notice} />
      <EditionTable
        editions={p.editions}
        caption="All editions, newest first"
        hrefBase="/private/editions"
        statusHeading="Kind and status"
      />
      <h2>Freeze the current plans</h2>
      <form method="post" action="/private/editions" class="form" novalidate>
        <ErrorSummary errors={errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <Field name="name" label="Name" value={v(values, "name")} errors={errors} required />
        <Field
          name="year"
          label="Year"
          value={v(values, "year")}
          errors={errors}
          required
          inputmode="numeric"
        />
        <Select
          name="kind"
          label="Kind"
          value={v(values, "kind") || "edition"}
          errors={errors}
          required
          options={[
            { value: "edition", label: editionKindLabels.edition },
            { value: "supplement", label: editionKindLabels.supplement },
          ]}
        />
        <Field
          name="slug"
          label="Address"
          value={v(values, "slug")}
          errors={errors}
          hint="Lower-case letters, digits and hyphens; made from the name when left empty."
        />
        <TextArea name="note" label="Note" value={v(values, "note")} errors={errors} rows={3} />
        <div class="form-actions">
          <button type="submit" class="button">
            Freeze as a draft
          </button>
        </div>
      </form>
    </>
  );
}

/** One edition as the secretariat sees it: publish or delete a draft, what changed, its missions. */
export function EditionAdminPage(p: {
  e: Edition;
  notice: string | undefined;
  self: Side;
  base: Side | null;
}) {
  const { e, self, base } = p;
  return (
    <>
      <PageHeader title={e.name} lead={<EditionTags e={e} />} />
      <Notice text={p.notice} />
      {e.status === "draft" ? (
        <p class="form-actions">
          <a class="button" href={`/private/editions/${e.slug}/publish`}>
            Publish
          </a>
          <a class="button button-quiet" href={`/private/editions/${e.slug}/delete`}>
            Delete draft
          </a>
        </p>
      ) : (
        <p>
          Published: this edition cannot be changed or deleted.{" "}
          <a href={`/roadmap/editions/${e.slug}`}>Public page</a>
        </p>
      )}
      {base && e.frozenAt ? <Comparison from={base} to={self} /> : null}
      {self.missions ? (
        <SnapshotTable missions={self.missions} caption={`The ${self.missions.length} missions frozen`} />
      ) : (
        <NoSnapshot e={e} />
      )}
    </>
  );
}

/** Asks before publishing or deleting a draft; a published edition only says it cannot change. */
export function EditionActionConfirm(p: { e: Edition; action: "publish" | "delete"; csrf: string }) {
  const { e, action } = p;
  const publish = action === "publish";
  return (
    <>
      <PageHeader
        title={publish ? `Publish ${e.name}?` : `Delete ${e.name}?`}
        lead={
          e.status === "published"
            ? "This edition is already published: it cannot be changed or deleted."
            : publish
              ? "Once published, the edition and its mission snapshot can never be changed or deleted, and everyone can see it."
              : "The draft and its mission snapshot will be removed. The audit log keeps a record."
        }
      />
      {e.status === "draft" ? (
        <form method="post" action={`/private/editions/${e.slug}/${action}`} class="form">
          <CsrfField token={p.csrf} />
          <p class="form-actions">
            <button class={publish ? "button" : "button button-danger"} type="submit">
              {publish ? "Publish edition" : "Delete draft"}
            </button>
            <a href={`/private/editions/${e.slug}`}>Cancel</a>
          </p>
        </form>
      ) : (
        <p>
          <a href={`/private/editions/${e.slug}`}>Back to the edition</a>
        </p>
      )}
    </>
  );
}
