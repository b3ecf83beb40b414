import type { FieldErrors } from "../../../../http/errors.js";
import { MAX_PDF_BYTES } from "../../../../http/uploads.js";
import { CsrfField, ErrorSummary, Field, FileField, Select, TextArea } from "../../../../web/components.js";
import { formatTimestamp } from "../../../../web/format.js";
import { markdownToPlain } from "../../../../web/markdown.js";
import type { DecisionChoice } from "../endorsement.queries.js";
import { newsChoiceLabels, newsChoices } from "../endorsement.schemas.js";

export type EndorsementValues = Record<string, string>;

const shorten = (text: string, max = 90) => {
  // A decision is Markdown; an option shows plain text, never the markup.
  const plain = markdownToPlain(text);
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
};

/** How a decision reads in the list: meeting, number and the start of its text. */
export const decisionOption = (d: DecisionChoice) =>
  `${d.meetingTitle} (${formatTimestamp(d.meetingStartsAt).slice(0, 10)}), D${d.number}: ${shorten(d.text)}`;

/** The one form that endorses a product by a SAM decision and publishes it (with an optional news item). */
export function EndorsementForm(p: {
  /** The version endorsed (the agreed one) and its hash, named in the form so nothing else is published. */
  version: number;
  sha256: string;
  action: string;
  csrf: string;
  values: EndorsementValues;
  decisions: DecisionChoice[];
  errors?: FieldErrors;
  message?: string;
  cancel: string;
}) {
  const v = (k: string) => p.values[k] ?? "";
  const options = p.decisions.map((d) => ({ value: String(d.id), label: decisionOption(d) }));
  return (
    <form method="post" action={p.action} class="form" enctype="multipart/form-data" novalidate>
      <CsrfField token={p.csrf} />
      <ErrorSummary errors={p.errors} message={p.message} />
      <fieldset>
        <legend>Endorsement</legend>
        <input type="hidden" name="version" value={String(p.version)} />
        <p>
          Version endorsed: <strong>version {p.version}</strong>, SHA-256 <code class="hash">{p.sha256}</code>
          .
        </p>
        <Select
          name="decision"
          label="Endorsing decision of a SAM meeting"
          value={v("decision")}
          options={options}
          emptyLabel="Choose a decision"
          errors={p.errors}
          required
          hint="Only decisions of Senior Agency Manager meetings already held are listed."
        />
      </fieldset>
      <fieldset>
        <legend>Publication in the public library</legend>
        <Field
          name="title"
          label="Title"
          value={v("title")}
          errors={p.errors}
          hint="Leave empty to use the product's title."
        />
        <Field
          name="slug"
          label="Address"
          value={v("slug")}
          errors={p.errors}
          hint="The last part of /publications/…; made from the title when empty."
        />
        <TextArea
          name="description"
          label="Description"
          value={v("description")}
          errors={p.errors}
          required
          rows={4}
          hint="A sentence or two for the library. The agreed text follows it on the publication's page."
        />
        <FileField
          name="file"
          label="PDF file"
          hint={`The final document as a PDF, at most ${Math.round(MAX_PDF_BYTES / 1024 / 1024)} MB; it must name the endorsed version and its SHA-256. Leave it out and the platform makes a PDF of the agreed text, stamped with both. Or give a link below.`}
          accept="application/pdf,.pdf"
          optional
          errors={p.errors}
        />
        <Field
          name="externalUrl"
          label="Link to the document elsewhere"
          value={v("externalUrl")}
          errors={p.errors}
          type="url"
          hint="Either a PDF file or a link, not both."
        />
      </fieldset>
      <fieldset>
        <legend>News</legend>
        <Select
          name="news"
          label="News item"
          value={v("news") || "none"}
          options={newsChoices.map((n) => ({ value: n, label: newsChoiceLabels[n] }))}
          errors={p.errors}
          required
        />
        <Field
          name="newsTitle"
          label="News title"
          value={v("newsTitle")}
          errors={p.errors}
          hint="Leave empty for “<title> published”."
        />
        <TextArea
          name="newsSummary"
          label="News summary"
          value={v("newsSummary")}
          errors={p.errors}
          rows={3}
          hint="Needed when you write a news item."
        />
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button">
          Endorse and publish
        </button>
        <a href={p.cancel}>Cancel</a>
      </div>
    </form>
  );
}
