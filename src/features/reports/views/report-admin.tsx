import type { FieldErrors } from "../../../http/errors.js";
import { type FormValues, isOn, val } from "../../../kit/forms.js";
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeader,
  Tag,
  TextArea,
} from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import type { PartEntry } from "../reports.parts.pages.js";
import type { AnnualReport } from "../reports.queries.js";

/** The reports this person sees, and for the secretariat the form that starts a year's draft. */
export function ReportList(p: {
  reports: AnnualReport[];
  writer: boolean;
  secretariat: boolean;
  published: boolean;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
}) {
  const { reports, values, errors } = p;
  return (
    <>
      <PageHeader
        title="Annual reports"
        lead="Each year's report is computed from the year's records; the texts are written here."
      />
      <Notice text={p.published ? "The report was published." : undefined} />
      <ul class="plain">
        {reports.map((r) => (
          <li>
            <a href={p.writer ? `/private/reports/${r.year}` : `/reports/${r.year}`}>
              Annual Report {r.year}
            </a>{" "}
            {r.status === "published" ? <Tag tone="ok">published</Tag> : <Tag tone="warn">draft</Tag>}
          </li>
        ))}
      </ul>
      {p.secretariat ? (
        <form method="post" action="/private/reports" class="form" novalidate>
          <h2>Start a report</h2>
          <ErrorSummary errors={errors} />
          <CsrfField token={p.csrf} />
          <Field
            name="year"
            label="Year"
            value={val(values, "year")}
            errors={errors}
            required
            inputmode="numeric"
          />
          <p class="form-actions">
            <button class="button" type="submit">
              Start the draft
            </button>
          </p>
        </form>
      ) : null}
    </>
  );
}

/** A year's report for those who write it: the previews, its texts, and the secretariat's settings. */
export function ReportOverview(p: {
  year: number;
  report: AnnualReport;
  previous: AnnualReport | undefined;
  parts: PartEntry[];
  secretariat: boolean;
  saved: boolean;
  csrf: string;
  v: FormValues;
  errors?: FieldErrors;
}) {
  const { year, report, previous, parts, secretariat, v, errors } = p;
  return (
    <>
      <PageHeader
        title={`Annual Report ${year}`}
        lead={
          report.status === "published"
            ? `Published ${formatTimestamp(report.publishedAt!)}. Changes below go into the next publication.`
            : "Draft: only the secretariat and group chairs see it."
        }
      />
      <Notice text={p.saved ? "Saved." : undefined} />
      <p>
        <a href={`/reports/${year}?draft=1`}>Preview the draft</a> ·{" "}
        <a href={`/reports/${year}.pdf?draft=1`}>draft PDF</a> ·{" "}
        <a href={`/reports/${year}.md?draft=1`}>draft Markdown</a>
        {previous ? (
          <>
            {" "}
            · <a href={`/private/reports/${year}/compare`}>Compare with {year - 1}</a>
          </>
        ) : null}
        {report.status === "published" ? (
          <>
            {" "}
            · <a href={`/reports/${year}`}>the published edition</a>
          </>
        ) : null}
      </p>
      <h2>Texts</h2>
      <ul>
        {parts.map((entry) => (
          <li>
            {entry.editable ? (
              <a href={`/private/reports/${year}/parts/${entry.part}/edit`}>{entry.label}</a>
            ) : (
              entry.label
            )}{" "}
            {entry.written ? <Tag tone="ok">written</Tag> : <Tag>empty</Tag>}
          </li>
        ))}
      </ul>
      {secretariat ? (
        <>
          <form method="post" action={`/private/reports/${year}/settings`} class="form" novalidate>
            <h2>Settings</h2>
            <ErrorSummary errors={errors} />
            <CsrfField token={p.csrf} />
            <Field
              name="membersAsOf"
              label="Members as of"
              value={val(v, "membersAsOf")}
              errors={errors}
              required
              hint="YYYY-MM-DD: Annex II lists the members on this day."
            />
            <TextArea
              name="majorDocuments"
              label="Major documents"
              value={val(v, "majorDocuments")}
              errors={errors}
              rows={6}
              hint="Publication slugs, one a line, in the order to list them."
            />
            <TextArea
              name="omitPublications"
              label="Publications left out of Annex I"
              value={val(v, "omitPublications")}
              errors={errors}
              rows={3}
              hint="Publication slugs, one a line."
            />
            <Checkbox
              name="statisticsPublic"
              label="Visitors see the participation statistics"
              checked={isOn(v, "statisticsPublic")}
            />
            <p class="form-actions">
              <button class="button" type="submit">
                Save settings
              </button>
            </p>
          </form>
          <p>
            <a class="button" href={`/private/reports/${year}/publish`}>
              {report.status === "published" ? "Publish again" : "Publish"}
            </a>
          </p>
        </>
      ) : null}
    </>
  );
}
