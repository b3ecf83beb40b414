import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { type FieldErrors, notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import type { FormValues } from "../../kit/forms.js";
import { CsrfField, Notice, PageHeader, TableScroll } from "../../web/components.js";
import { managePage, notices, type Problem } from "./groups.manage.pages.js";
import { canCreateGroup, canManageGroup } from "./groups.policy.js";
import { findGroupBySlug, type GroupDetail, listGroups } from "./groups.queries.js";
import {
  createGroup,
  createGroupChair,
  createGroupMember,
  deleteGroupChair,
  endGroupMembership,
  loadManagedGroup,
  updateGroup,
} from "./groups.service.js";
import { chairText, GroupForm, groupPeriod, groupTitle } from "./views/group.js";

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
    await createGroupMember(c.var.deps, requirePerson(c), g.slug, body);
    return `/private/groups/${g.slug}?done=joined`;
  });
  post("/private/groups/:slug/members/:id/leave", "leave", async (c, g, body) => {
    await endGroupMembership(c.var.deps, requirePerson(c), g.slug, idParam(c.req.param("id")), body);
    return `/private/groups/${g.slug}?done=left`;
  });
  post("/private/groups/:slug/chairs", "chair", async (c, g, body) => {
    await createGroupChair(c.var.deps, requirePerson(c), g.slug, body);
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
    await deleteGroupChair(c.var.deps, actor, slug, idParam(c.req.param("id")));
    return c.redirect(`/private/groups/${slug}?done=unchaired`, 303);
  });

  return app;
}
