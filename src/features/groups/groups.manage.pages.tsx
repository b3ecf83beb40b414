import type { AppContext } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import type { FormValues } from "../../kit/forms.js";
import { val } from "../../kit/forms.js";
import { CsrfField, ErrorSummary, Field, Notice, PageHeader, Select } from "../../web/components.js";
import { partialDateInput } from "../../web/format.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { canCreateGroup } from "./groups.policy.js";
import { type GroupDetail, listChairCandidates } from "./groups.queries.js";
import { chairText, GroupForm, groupTitle } from "./views/group.js";

/** The confirmations shown after a change, by the `done` query parameter. */
export const notices: Record<string, string> = {
  created: "The group was created.",
  saved: "The group was saved.",
  joined: "The agency was added to the group.",
  left: "The agency's participation was ended; it stays in the group's history.",
  chair: "The chair was added.",
  unchaired: "The chair was removed.",
};

/** Which of the manage page's forms was refused, with what was typed and why. */
export type Problem = {
  form: "edit" | "join" | "leave" | "chair";
  values: FormValues;
  errors: FieldErrors;
  message: string;
  id?: number;
};

function groupValues(g: GroupDetail): FormValues {
  return {
    name: g.name,
    acronym: g.acronym ?? "",
    kind: g.kind,
    charter: g.charter,
    started: g.startedOn && g.startedPrecision ? partialDateInput(g.startedOn, g.startedPrecision) : "",
    ended: g.endedOn && g.endedPrecision ? partialDateInput(g.endedOn, g.endedPrecision) : "",
    uncertain: g.uncertain,
    uncertainNote: g.uncertainNote ?? "",
  };
}

/** The page where a group's agencies, chairs and details are managed; 422 when `problem` is given. */
export const managePage = async (c: AppContext, g: GroupDetail, problem?: Problem) => {
  const actor = requirePerson(c);
  const [orgs, candidates] = await Promise.all([
    listOrganisations(c.var.deps.db),
    listChairCandidates(c.var.deps.db),
  ]);
  const csrf = c.var.csrfToken();
  const today = c.var.deps.now().toISOString().slice(0, 10);
  const p = (form: Problem["form"], id?: number) =>
    problem?.form === form && problem.id === id ? problem : undefined;
  const current = g.memberships.filter((m) => !m.leftOn);
  const taking = new Set(current.map((m) => m.organisationId));
  return renderPrivate(
    c,
    {
      title: `Manage ${g.acronym ?? g.name}`,
      body: () => (
        <>
          <PageHeader
            title={groupTitle(g)}
            lead={<a href={`/groups/${g.slug}`}>View the public page</a>}
            actions={
              <a class="button button-secondary" href={`/private/groups/${g.slug}/workplan`}>
                Workplan and outlook
              </a>
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <section class="section" aria-labelledby="members">
            <h2 id="members">Participating agencies</h2>
            {current.length === 0 ? <p class="muted">No agency takes part yet.</p> : null}
            {current.map((m) => {
              const e = p("leave", m.id);
              return (
                <form
                  method="post"
                  action={`/private/groups/${g.slug}/members/${m.id}/leave`}
                  class="form form-inline"
                  novalidate
                >
                  <ErrorSummary errors={e?.errors} message={e?.message} />
                  <CsrfField token={csrf} />
                  <p>
                    <strong>{m.acronym}</strong> <span class="muted">since {m.joinedOn}</span>
                  </p>
                  <Field
                    name="left"
                    label={`${m.acronym} left on`}
                    type="date"
                    value={e ? val(e.values, "left") : today}
                    errors={e?.errors}
                    required
                  />
                  <button class="button button-secondary" type="submit">
                    End {m.acronym}'s participation
                  </button>
                </form>
              );
            })}
            {g.memberships.some((m) => m.leftOn) ? (
              <>
                <h3>History</h3>
                <ul class="plain">
                  {g.memberships
                    .filter((m) => m.leftOn)
                    .map((m) => (
                      <li>
                        {m.acronym}: {m.joinedOn} – {m.leftOn}
                      </li>
                    ))}
                </ul>
              </>
            ) : null}
            <h3>Add an agency</h3>
            <form method="post" action={`/private/groups/${g.slug}/members`} class="form" novalidate>
              <ErrorSummary errors={p("join")?.errors} message={p("join")?.message} />
              <CsrfField token={csrf} />
              <Select
                name="organisation"
                label="Agency"
                value={val(p("join")?.values ?? {}, "organisation")}
                errors={p("join")?.errors}
                required
                emptyLabel="Choose…"
                options={orgs
                  .filter((o) => !o.leftOn && !taking.has(o.id))
                  .map((o) => ({ value: o.acronym, label: `${o.acronym} · ${o.name}` }))}
              />
              <Field
                name="joined"
                label="Joined on"
                type="date"
                value={val(p("join")?.values ?? {}, "joined") || today}
                errors={p("join")?.errors}
                required
              />
              <Field
                name="note"
                label="Note"
                value={val(p("join")?.values ?? {}, "note")}
                errors={p("join")?.errors}
              />
              <p class="form-actions">
                <button class="button" type="submit">
                  Add agency
                </button>
              </p>
            </form>
          </section>
          <section class="section" aria-labelledby="chairs">
            <h2 id="chairs">Chairs</h2>
            <ul class="plain">
              {g.chairs.map((ch) => (
                <li>
                  {chairText(ch)}{" "}
                  {canCreateGroup(actor) ? (
                    <a href={`/private/groups/${g.slug}/chairs/${ch.id}/remove`}>
                      Remove<span class="visually-hidden"> {chairText(ch)}</span>
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
            {canCreateGroup(actor) ? (
              <form method="post" action={`/private/groups/${g.slug}/chairs`} class="form" novalidate>
                <ErrorSummary errors={p("chair")?.errors} message={p("chair")?.message} />
                <CsrfField token={csrf} />
                <Select
                  name="person"
                  label="Person chairing"
                  value={val(p("chair")?.values ?? {}, "person")}
                  errors={p("chair")?.errors}
                  emptyLabel="Nobody on the platform"
                  hint="People with the chair role."
                  options={candidates.map((x) => ({
                    value: String(x.id),
                    label: `${x.name}${x.agency ? ` (${x.agency})` : ""}`,
                  }))}
                />
                <Field
                  name="label"
                  label="Or the chairing agencies"
                  value={val(p("chair")?.values ?? {}, "label")}
                  errors={p("chair")?.errors}
                  hint="Where no person is known, e.g. “DLR and CNES (co-chairs)”."
                />
                <p class="form-actions">
                  <button class="button" type="submit">
                    Add chair
                  </button>
                </p>
              </form>
            ) : (
              <p class="muted">The secretariat appoints chairs.</p>
            )}
          </section>
          <section class="section" aria-labelledby="details">
            <h2 id="details">Details and charter</h2>
            <GroupForm
              action={`/private/groups/${g.slug}`}
              csrf={csrf}
              values={p("edit")?.values ?? groupValues(g)}
              errors={p("edit")?.errors}
              message={p("edit")?.message}
              submit="Save group"
            />
          </section>
        </>
      ),
    },
    problem ? 422 : 200,
  );
};
