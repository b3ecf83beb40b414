import { newsDatePrecisions } from "../../../db/schema/index.js";
import type { FieldErrors } from "../../../http/errors.js";
import { val } from "../../../kit/forms.js";
import { CsrfField, ErrorSummary, Field, Select, TextArea } from "../../../web/components.js";
import { isoDay } from "../news.schemas.js";
import { ArticleBody, ArticleMeta } from "./article.js";

export type ArticleValues = Record<string, string | string[] | null | undefined>;

/** What the secretariat writes: title, date, place, summary, Markdown body, lead image with alt text. */
export function ArticleForm(p: {
  action: string;
  csrf: string;
  values: ArticleValues;
  errors?: FieldErrors;
  message?: string;
  submitLabel: string;
}) {
  const { values, errors } = p;
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Field
        name="title"
        label="Title"
        value={val(values, "title")}
        errors={errors}
        required
        hint="The address of the article is made from the first title and then kept."
      />
      <Field
        name="date"
        label="Date of the news or event"
        type="date"
        value={val(values, "date")}
        errors={errors}
        required
        hint="YYYY-MM-DD, e.g. 2023-12-07."
      />
      <Select
        name="datePrecision"
        label="Show the date as"
        value={val(values, "datePrecision") || "day"}
        errors={errors}
        options={[
          { value: "day", label: "The full date (7 December 2023)" },
          { value: "month", label: "The month only (December 2023)" },
          { value: "year", label: "The year only (2023)" },
        ]}
        hint="When only the month or the year is known, enter its first day above."
      />
      <Field
        name="place"
        label="Place"
        value={val(values, "place")}
        errors={errors}
        hint="Where it happened, e.g. Songdo, Republic of Korea; or Virtual."
      />
      <TextArea
        name="summary"
        label="Summary"
        value={val(values, "summary")}
        errors={errors}
        required
        rows={3}
        hint="One or two sentences, shown in lists, feeds and link previews."
      />
      <TextArea
        name="body"
        label="Text"
        value={val(values, "body")}
        errors={errors}
        required
        rows={14}
        hint="Markdown: blank lines between paragraphs, ## for headings, - for lists, [text](https://…) for links. HTML is shown as text."
      />
      <fieldset>
        <legend>Lead image</legend>
        <Field
          name="imageUrl"
          label="Image address"
          type="url"
          value={val(values, "imageUrl")}
          errors={errors}
          hint="A web address starting with https://."
        />
        <Field
          name="imageAlt"
          label="Alternative text"
          value={val(values, "imageAlt")}
          errors={errors}
          hint="Required with an image: what it shows, for people who cannot see it."
        />
      </fieldset>
      <p class="form-actions">
        <button class="button" type="submit" name="intent" value="save">
          {p.submitLabel}
        </button>
        <button class="button button-quiet" type="submit" name="intent" value="preview">
          Preview
        </button>
        <a href="/private/news">Cancel</a>
      </p>
    </form>
  );
}

/** The form's content rendered as the article will look, above the form. */
export function ArticlePreview({ values }: { values: ArticleValues }) {
  const date = val(values, "date");
  return (
    <section class="article-preview" aria-labelledby="preview-title">
      <p class="eyebrow" id="preview-title">
        Preview (not saved)
      </p>
      <h2>{val(values, "title") || "(no title)"}</h2>
      {isoDay.safeParse(date).success ? (
        <ArticleMeta
          a={{
            newsDate: date,
            datePrecision: newsDatePrecisions.find((p) => p === val(values, "datePrecision")),
            place: val(values, "place") || null,
          }}
        />
      ) : null}
      <p class="lead">{val(values, "summary")}</p>
      <ArticleBody body={val(values, "body")} />
    </section>
  );
}
