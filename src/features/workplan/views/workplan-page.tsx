import type { FieldErrors } from "../../../http/errors.js";
import { Notice, PageHeader } from "../../../web/components.js";
import type { GroupDetail } from "../../groups/groups.queries.js";
import { groupTitle } from "../../groups/views/group.js";
import type { Deliverable } from "../workplan.queries.js";
import { DeliverableForm, DeliverableTable, OutlookForm, type Values } from "./workplan.js";

type Choice = { value: string; label: string };

/** What was refused, and in which of the page's two forms. */
export type WorkplanProblem = {
  form: "add" | "outlook";
  values: Values;
  errors: FieldErrors;
  message: string;
};

/** A group's workplan for its managers: the deliverables with the form that adds one, and the yearly outlooks. */
export function WorkplanPage(p: {
  g: GroupDetail;
  rows: Deliverable[];
  outlooks: Array<{ year: number; body: string }>;
  agencies: Choice[];
  people: Choice[];
  year: number;
  notice: string | undefined;
  csrf: string;
  problem?: WorkplanProblem;
}) {
  const { g, rows, outlooks, csrf, year } = p;
  const problem = (form: WorkplanProblem["form"]) => (p.problem?.form === form ? p.problem : undefined);
  return (
    <>
      <p class="breadcrumb">
        <a href={`/private/groups/${g.slug}`}>← Manage {g.acronym ?? g.name}</a>
      </p>
      <PageHeader
        title={`Workplan and outlook: ${groupTitle(g)}`}
        lead={<a href={`/groups/${g.slug}`}>View the public page</a>}
      />
      <Notice text={p.notice} />
      <section class="section" aria-labelledby="deliverables">
        <h2 id="deliverables">Deliverables</h2>
        {rows.length ? (
          <DeliverableTable rows={rows} editBase={`/private/groups/${g.slug}/workplan`} />
        ) : (
          <p class="muted">No deliverables yet.</p>
        )}
        <h3>Add a deliverable</h3>
        <DeliverableForm
          action={`/private/groups/${g.slug}/workplan`}
          csrf={csrf}
          values={problem("add")?.values}
          errors={problem("add")?.errors}
          message={problem("add")?.message}
          submit="Add deliverable"
          agencies={p.agencies}
          people={p.people}
        />
      </section>
      <section class="section" aria-labelledby="outlooks">
        <h2 id="outlooks">Yearly outlook</h2>
        {outlooks.map((o) => (
          <details>
            <summary>Outlook {o.year}</summary>
            <pre class="small">{o.body}</pre>
          </details>
        ))}
        <h3>Write a year’s outlook</h3>
        <OutlookForm
          action={`/private/groups/${g.slug}/outlook`}
          csrf={csrf}
          values={
            problem("outlook")?.values ?? {
              year: String(year),
              body: outlooks.find((o) => o.year === year)?.body ?? "",
            }
          }
          errors={problem("outlook")?.errors}
          message={problem("outlook")?.message}
        />
      </section>
    </>
  );
}

/** The page that edits one deliverable. */
export function DeliverableEditPage(p: {
  g: GroupDetail;
  id: number;
  values: Values;
  errors?: FieldErrors;
  message?: string;
  agencies: Choice[];
  people: Choice[];
  csrf: string;
}) {
  const { g } = p;
  return (
    <>
      <p class="breadcrumb">
        <a href={`/private/groups/${g.slug}/workplan`}>← Workplan of {g.acronym ?? g.name}</a>
      </p>
      <PageHeader title="Edit deliverable" />
      <DeliverableForm
        action={`/private/groups/${g.slug}/workplan/${p.id}`}
        csrf={p.csrf}
        values={p.values}
        errors={p.errors}
        message={p.message}
        submit="Save deliverable"
        agencies={p.agencies}
        people={p.people}
      />
    </>
  );
}
