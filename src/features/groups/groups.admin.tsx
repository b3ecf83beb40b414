import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { type FieldErrors, notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import {
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeader,
  Select,
  TableScroll,
} from "../../web/components.js";
import { partialDateInput } from "../../web/format.js";
import { listOrganisations } from "../directory/directory.queries.js";
import type { FormValues } from "../directory/views/organisation-form.js";
import { val } from "../directory/views/organisation-form.js";
import { canCreateGroup, canManageGroup } from "./groups.policy.js";
import { findGroupBySlug, type GroupDetail, listChairCandidates, listGroups } from "./groups.queries.js";
import {
  addGroupChair,
  addGroupMember,
  createGroup,
  endGroupMembership,
  loadManagedGroup,
  removeGroupChair,
  updateGroup,
} from "./groups.service.js";
import { chairText, GroupForm, groupPeriod, groupTitle } from "./views/group.js";

const notices: Record<string, string> = {
  created: "The group was created.",
  saved: "The group was saved.",
  joined: "The agency was added to the group.",
  left: "The agency's participation was ended; it stays in the group's history.",
  chair: "The chair was added.",
  unchaired: "The chair was removed.",
};

type Problem = {
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

/** The private pages where the secretariat and chairs manage groups, members and chairs. */
export function groupAdminPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/groups", async (c) => {
    const actor = requirePerson(c);
    const db = c.var.deps.db;
    const groups = await listGroups(db);
    const details = await Promise.all(groups.map((g) => findGroupBySlug(db, g.slug)));
    return renderPrivate(c, {
      title: "Working groups",
      body: () => (
        <>
          <PageHeader
            title="Working groups"
            lead="Groups and teams, their chairs and participating agencies."
            actions={
              canCreateGroup(actor) ? (
                <a class="button" href="/private/groups/new">
                  New group
                </a>
              ) : null
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <TableScroll label="Working groups">
            <table>
              <caption class="visually-hidden">Working groups</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Chairs</th>
                  <th scope="col">Period</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {details.map((g) =>
                  g ? (
                    <tr>
                      <th scope="row">
                        <a href={`/groups/${g.slug}`}>{groupTitle(g)}</a>
                      </th>
                      <td>{g.chairs.map(chairText).join("; ") || "—"}</td>
                      <td>{groupPeriod(g) || "—"}</td>
                      <td class="actions">
                        {canManageGroup(actor, g) ? (
                          <a href={`/private/groups/${g.slug}`}>
                            Manage<span class="visually-hidden"> {g.name}</span>
                          </a>
                        ) : null}
                      </td>
                    </tr>
                  ) : null,
                )}
              </tbody>
            </table>
          </TableScroll>
        </>
      ),
    });
  });

  const newPage = (c: AppContext, values: FormValues = {}, errors?: FieldErrors, message?: string) =>
    renderPrivate(c, {
      title: "New group",
      body: () => (
        <>
          <PageHeader title="New working group or team" />
          <GroupForm
            action="/private/groups/new"
            csrf={c.var.csrfToken()}
            values={values}
            errors={errors}
            message={message}
            submit="Create group"
          />
        </>
      ),
    });

  app.get("/private/groups/new", async (c) => {
    authorize(canCreateGroup(requirePerson(c)), "Only the secretariat creates groups.");
    return newPage(c);
  });

  app.post("/private/groups/new", async (c) => {
    const actor = requirePerson(c);
    authorize(canCreateGroup(actor), "Only the secretariat creates groups.");
    return handleForm(
      c,
      async (body) => `/private/groups/${(await createGroup(c.var.deps, actor, body)).slug}?done=created`,
      (values, errors, message) => newPage(c, values, errors, message),
    );
  });

  const managePage = async (c: AppContext, g: GroupDetail, problem?: Problem) => {
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

  const load = (c: AppContext) => loadManagedGroup(c.var.deps, requirePerson(c), c.req.param("slug") ?? "");

  app.get("/private/groups/:slug", async (c) => managePage(c, await load(c)));

  /** Posts one of the manage page's forms; on bad input the whole page comes back with that form's messages. */
  const post = (
    path: string,
    form: Problem["form"],
    run: (c: AppContext, g: GroupDetail, body: Record<string, string | string[]>) => Promise<string>,
  ) =>
    app.post(path, async (c) => {
      const g = await load(c);
      const id = c.req.param("id") ? idParam(c.req.param("id")) : undefined;
      return handleForm(
        c,
        (body) => run(c, g, body),
        (values, errors, message) => managePage(c, g, { form, values, errors, message, id }),
      );
    });

  post("/private/groups/:slug", "edit", async (c, g, body) => {
    await updateGroup(c.var.deps, requirePerson(c), g.slug, body);
    return `/private/groups/${g.slug}?done=saved`;
  });
  post("/private/groups/:slug/members", "join", async (c, g, body) => {
    await addGroupMember(c.var.deps, requirePerson(c), g.slug, body);
    return `/private/groups/${g.slug}?done=joined`;
  });
  post("/private/groups/:slug/members/:id/leave", "leave", async (c, g, body) => {
    await endGroupMembership(c.var.deps, requirePerson(c), g.slug, idParam(c.req.param("id")), body);
    return `/private/groups/${g.slug}?done=left`;
  });
  post("/private/groups/:slug/chairs", "chair", async (c, g, body) => {
    await addGroupChair(c.var.deps, requirePerson(c), g.slug, body);
    return `/private/groups/${g.slug}?done=chair`;
  });

  app.get("/private/groups/:slug/chairs/:id/remove", async (c) => {
    const actor = requirePerson(c);
    authorize(canCreateGroup(actor), "Only the secretariat removes chairs.");
    const g = await load(c);
    const chair = g.chairs.find((x) => x.id === idParam(c.req.param("id")));
    if (!chair) throw notFound("The chair");
    return renderPrivate(c, {
      title: "Remove chair",
      body: () => (
        <>
          <PageHeader
            title={`Remove ${chairText(chair)} as chair of ${g.acronym ?? g.name}?`}
            lead="The audit log keeps a record."
          />
          <form method="post" action={`/private/groups/${g.slug}/chairs/${chair.id}/remove`} class="form">
            <CsrfField token={c.var.csrfToken()} />
            <p class="form-actions">
              <button class="button button-danger" type="submit">
                Remove chair
              </button>
              <a href={`/private/groups/${g.slug}`}>Keep</a>
            </p>
          </form>
        </>
      ),
    });
  });

  app.post("/private/groups/:slug/chairs/:id/remove", async (c) => {
    const actor = requirePerson(c);
    authorize(canCreateGroup(actor), "Only the secretariat removes chairs.");
    const slug = c.req.param("slug");
    await removeGroupChair(c.var.deps, actor, slug, idParam(c.req.param("id")));
    return c.redirect(`/private/groups/${slug}?done=unchaired`, 303);
  });

  return app;
}
