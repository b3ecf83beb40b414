import type { SectionDiff } from "../../../../domain/text-diff.js";
import type { FieldErrors } from "../../../../http/errors.js";
import type { FormValues } from "../../../../kit/forms.js";
import { PageHeader } from "../../../../web/components.js";
import { formatTimestamp } from "../../../../web/format.js";
import { plural } from "../../../../web/words.js";
import { productPath } from "../../load.pages.js";
import type { ProductDetail, Version } from "../../products.queries.js";
import { VersionForm } from "../../views/forms.js";
import { CompareForm } from "../../views/overview.js";
import { DiffView, NumberedDocument } from "./document.js";

const Breadcrumb = ({ product }: { product: ProductDetail }) => (
  <nav class="breadcrumb" aria-label="Breadcrumb">
    <a href="/private/products">Products</a> › <a href={productPath(product.slug)}>{product.title}</a>
  </nav>
);

export function NewVersion(p: {
  product: ProductDetail;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
}) {
  const { product } = p;
  return (
    <>
      <Breadcrumb product={product} />
      <PageHeader
        title={`New version of ${product.title}`}
        lead="Versions never change: saving adds a new one. Open comments follow their section into it."
      />
      <VersionForm
        action={productPath(product.slug, "/versions/new")}
        csrf={p.csrf}
        values={p.values}
        errors={p.errors}
        message={p.message}
        cancel={productPath(product.slug)}
      />
    </>
  );
}

/** One version with numbered sections, each with a "comment on this section" link when `commentHref` is given. */
export function VersionText(p: {
  product: ProductDetail;
  version: Version;
  commentHref?: (anchor: string) => string;
}) {
  const { product, version: v } = p;
  return (
    <>
      <Breadcrumb product={product} />
      <PageHeader
        eyebrow={`Version ${v.number}, ${formatTimestamp(v.createdAt)}`}
        title={product.title}
        lead={v.note || undefined}
      />
      <p>
        <a href={productPath(product.slug, `/versions/${v.number}/carried`)}>
          Open comments carried to this version from earlier ones
        </a>
      </p>
      <NumberedDocument body={v.body} commentHref={p.commentHref} />
    </>
  );
}

export function VersionDiff(p: {
  product: ProductDetail;
  from: number;
  to: number;
  versions: number[];
  diff: SectionDiff[];
}) {
  const changed = p.diff.filter((d) => d.change !== "unchanged").length;
  return (
    <>
      <Breadcrumb product={p.product} />
      <PageHeader
        title={`Changes from version ${p.from} to ${p.to}`}
        lead={`${changed} of ${plural(p.diff.length, "section")} changed. Inserted text is underlined, deleted text struck through.`}
      />
      <CompareForm slug={p.product.slug} versions={p.versions} from={p.from} to={p.to} />
      <DiffView diff={p.diff} />
    </>
  );
}
