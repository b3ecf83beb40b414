import { raw } from "hono/html";
import type { FieldErrors } from "../../../http/errors.js";
import { val } from "../../../kit/forms.js";
import {
  CsrfField,
  ErrorSummary,
  Field,
  labelOptions,
  Select,
  TableScroll,
  Tag,
  TextArea,
} from "../../../web/components.js";
import { renderMarkdown } from "../../../web/markdown.js";
import type { Deliverable } from "../workplan.queries.js";
import { deliverableStatusLabels } from "../workplan.schemas.js";

type Choice = { value: string; label: string };
export type Values = Record<string, string | string[] | undefined>;

const ownerOf = (d: Deliverable) =>
  d.ownerPersonName
    ? `${d.ownerPersonName} (${d.ownerPersonAgency ?? d.ownerAcronym ?? "—"})`
    : (d.ownerAcronym ?? "—");

const tone = { planned: "muted", in_progress: "accent", done: "ok", dropped: "muted" } as const;

/** The workplan as a table; `editBase` adds an edit link per row (private page only). */
export function DeliverableTable({ rows, editBase }: { rows: Deliverable[]; editBase?: string }) {
  return (
    <TableScroll label="Workplan deliverables">
      <table>
        <caption class="visually-hidden">Workplan deliverables</caption>
        <thead>
          <tr>
            <th scope="col">Deliverable</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Result</th>
            {editBase ? (
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr>
              <th scope="row">{d.title}</th>
              <td>{ownerOf(d)}</td>
              <td>{d.dueOn ?? "—"}</td>
              <td>
                <Tag tone={tone[d.status]}>{deliverableStatusLabels[d.status]}</Tag>
              </td>
              <td>{d.linkUrl ? <a href={d.linkUrl}>What it produced</a> : "—"}</td>
              {editBase ? (
                <td class="actions">
                  <a href={`${editBase}/${d.id}`}>
                    Edit<span class="visually-hidden"> {d.title}</span>
                  </a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The public part of a group page: its deliverables and the current year's outlook. */
export function WorkplanSection(p: { rows: Deliverable[]; outlook?: { year: number; body: string } }) {
  return (
    <>
      <section class="section" aria-labelledby="workplan">
        <h2 id="workplan">Workplan</h2>
        {p.rows.length ? <DeliverableTable rows={p.rows} /> : <p class="muted">No deliverables recorded.</p>}
      </section>
      {p.outlook ? (
        <section class="section" aria-labelledby="outlook">
          <h2 id="outlook">Outlook {p.outlook.year}</h2>
          <div class="prose">{raw(renderMarkdown(p.outlook.body))}</div>
        </section>
      ) : null}
    </>
  );
}

/** The form for one deliverable. */
export function DeliverableForm(p: {
  action: string;
  csrf: string;
  values?: Values;
  errors?: FieldErrors;
  message?: string;
  submit: string;
  agencies: Choice[];
  people: Choice[];
}) {
  const e = p.errors;
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={e} message={p.message} />
      <CsrfField token={p.csrf} />
      <Field name="title" label="Deliverable" value={val(p.values, "title")} errors={e} required />
      <Select
        name="ownerAgency"
        label="Owner agency"
        value={val(p.values, "ownerAgency")}
        errors={e}
        emptyLabel="None"
        options={p.agencies}
      />
      <Select
        name="ownerPerson"
        label="Owner person"
        value={val(p.values, "ownerPerson")}
        errors={e}
        emptyLabel="Nobody in particular"
        options={p.people}
      />
      <Field
        name="due"
        label="Due on"
        type="date"
        hint="YYYY-MM-DD"
        value={val(p.values, "due")}
        errors={e}
      />
      <Select
        name="status"
        label="Status"
        value={val(p.values, "status") || "planned"}
        errors={e}
        options={labelOptions(deliverableStatusLabels)}
        required
      />
      <Field
        name="link"
        label="What it produced"
        hint="A publication's address (/publications/…) or any web address."
        value={val(p.values, "link")}
        errors={e}
      />
      <p class="form-actions">
        <button class="button" type="submit">
          {p.submit}
        </button>
      </p>
    </form>
  );
}

/** The form for a year's outlook (saving a year that exists rewrites it). */
export function OutlookForm(p: {
  action: string;
  csrf: string;
  values?: Values;
  errors?: FieldErrors;
  message?: string;
}) {
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Field
        name="year"
        label="Year"
        inputmode="numeric"
        value={val(p.values, "year")}
        errors={p.errors}
        required
      />
      <TextArea
        name="body"
        label="Outlook"
        hint="Markdown."
        rows={8}
        value={val(p.values, "body")}
        errors={p.errors}
        required
      />
      <p class="form-actions">
        <button class="button" type="submit">
          Save outlook
        </button>
      </p>
    </form>
  );
}
