import { publicationCategories } from "../../../db/schema/index.js";
import type { FieldErrors } from "../../../http/errors.js";
import { MAX_PDF_BYTES } from "../../../http/uploads.js";
import { type FormValues, isOn, val } from "../../../kit/forms.js";
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  Field,
  FileField,
  Select,
  TextArea,
} from "../../../web/components.js";
import { categoryLabels } from "../publications.schemas.js";
import { formatSize } from "./publication-parts.js";

/** The secretariat's form for a publication: metadata, then a PDF or a link. */
export function PublicationForm(p: {
  action: string;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  submitLabel: string;
  choices: Array<{ slug: string; title: string }>;
  currentFile?: { name: string; size: number } | null;
}) {
  const { values, errors } = p;
  return (
    <form method="post" action={p.action} class="form" enctype="multipart/form-data" novalidate>
      <ErrorSummary errors={errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <fieldset>
        <legend>The publication</legend>
        <Field name="title" label="Title" value={val(values, "title")} errors={errors} required />
        <Field
          name="slug"
          label="Address"
          value={val(values, "slug")}
          errors={errors}
          hint="The last part of /publications/…; leave empty to make it from the title."
        />
        <Select
          name="category"
          label="Category"
          value={val(values, "category")}
          errors={errors}
          required
          emptyLabel="Choose…"
          options={publicationCategories.map((k) => ({ value: k, label: categoryLabels[k] }))}
        />
        <Field
          name="postedOn"
          label="Posted on"
          value={val(values, "postedOn")}
          errors={errors}
          hint="The date shown as “Posted on”, YYYY-MM-DD."
        />
        <Field
          name="published"
          label="Published"
          value={val(values, "published")}
          errors={errors}
          hint="As precise as known: YYYY, YYYY-MM or YYYY-MM-DD."
        />
        <TextArea
          name="description"
          label="Description"
          value={val(values, "description")}
          errors={errors}
          rows={6}
          hint="Markdown. Say in a few sentences what the document covers."
        />
        <Field name="producedBy" label="Produced by" value={val(values, "producedBy")} errors={errors} />
      </fieldset>
      <fieldset>
        <legend>Editions</legend>
        <Select
          name="previousEdition"
          label="Previous edition"
          value={val(values, "previousEdition")}
          errors={errors}
          emptyLabel="None: this is a first or only edition"
          options={p.choices.map((x) => ({ value: x.slug, label: x.title }))}
        />
        <Field
          name="editionLabel"
          label="Edition"
          value={val(values, "editionLabel")}
          errors={errors}
          hint="For example “3rd edition (2018)”."
        />
      </fieldset>
      <fieldset>
        <legend>Certainty and sources</legend>
        <Checkbox
          name="uncertain"
          label="Some details are not confirmed"
          checked={isOn(values, "uncertain")}
          hint="Readers see a “Details uncertain” label."
        />
        <Field
          name="certaintyNote"
          label="What is uncertain"
          value={val(values, "certaintyNote")}
          errors={errors}
        />
        <TextArea
          name="sources"
          label="Sources"
          value={val(values, "sources")}
          errors={errors}
          rows={3}
          hint="One web address or reference per line."
        />
      </fieldset>
      <fieldset>
        <legend>File or link</legend>
        <p class="hint">Give either a PDF file or a link to the document elsewhere, not both.</p>
        {p.currentFile ? (
          <>
            <p>
              Current file: {p.currentFile.name} ({formatSize(p.currentFile.size)})
            </p>
            <Checkbox
              name="removeFile"
              label="Remove the current file"
              checked={isOn(values, "removeFile")}
            />
          </>
        ) : null}
        <FileField
          name="file"
          label={p.currentFile ? "Replace with a new PDF" : "PDF file"}
          hint={`PDF only, at most ${formatSize(MAX_PDF_BYTES)}.`}
          accept="application/pdf,.pdf"
          optional
          errors={errors}
        />
        <Field
          name="externalUrl"
          label="External link"
          type="url"
          value={val(values, "externalUrl")}
          errors={errors}
          hint="A full address starting with https://."
        />
      </fieldset>
      <p class="form-actions">
        <button class="button" type="submit">
          {p.submitLabel}
        </button>
      </p>
    </form>
  );
}
