import type { AppContext } from "../../http/env.js";
import { type FieldErrors, notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { idParam, personAllowedBy, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import { managePage, notices, type Problem } from "./groups.manage.pages.js";
import { canCreateGroup } from "./groups.policy.js";
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
import { chairText, GroupForm } from "./views/group.js";
import { GroupList } from "./views/group-list.js";

const groupCreator = personAllowedBy(canCreateGroup, "Only the secretariat creates groups.");
const chairRemover = personAllowedBy(canCreateGroup, "Only the secretariat removes chairs.");

async function groupList(c: AppContext) {
  const actor = requirePerson(c);
  const db = c.var.deps.db;
  const details = await Promise.all((await listGroups(db)).map((g) => findGroupBySlug(db, g.slug)));
  return renderPrivate(c, {
    title: "Working groups",
    body: () => (
      <GroupList
        groups={details.filter((g): g is GroupDetail => g !== undefined)}
        actor={actor}
        canCreate={canCreateGroup(actor)}
        notice={notices[c.req.query("done") ?? ""]}
      />
    ),
  });
}

const newPage = (c: AppContext, values: FormValues = {}, errors?: FieldErrors, message?: string) =>
  renderPrivate(c, {
    title: "New group",
    body: () => (
      <>
        <PageHeader title="New working group or team" />
        <GroupForm
          action="/private/groups/new"
          csrf={c.var.csrfToken()}
          {...{ values, errors, message }}
          submit="Create group"
        />
      </>
    ),
  });

function newGroupForm(c: AppContext) {
  groupCreator(c);
  return newPage(c);
}

function submitNewGroup(c: AppContext) {
  const actor = groupCreator(c);
  return handleForm(
    c,
    async (body) => `/private/groups/${(await createGroup(c.var.deps, actor, body)).slug}?done=created`,
    (values, errors, message) => newPage(c, values, errors, message),
  );
}

/** The group the address names, if the person may manage it (its chairs, the secretariat). */
const managedGroup = (c: AppContext) =>
  loadManagedGroup(c.var.deps, requirePerson(c), c.req.param("slug") ?? "");

const groupPage = async (c: AppContext) => managePage(c, await managedGroup(c));

/**
 * A handler for one of the manage page's forms: `run` does the work and says where to go; on bad
 * input the whole page comes back with that form's messages.
 */
function manageForm(
  form: Problem["form"],
  run: (c: AppContext, g: GroupDetail, body: Record<string, string | string[]>) => Promise<string>,
) {
  return async (c: AppContext) => {
    const g = await managedGroup(c);
    const id = c.req.param("id") ? idParam(c.req.param("id")) : undefined;
    return handleForm(
      c,
      (body) => run(c, g, body),
      (values, errors, message) => managePage(c, g, { form, values, errors, message, id }),
    );
  };
}

const saveGroup = manageForm("edit", async (c, g, body) => {
  await updateGroup(c.var.deps, requirePerson(c), g.slug, body);
  return `/private/groups/${g.slug}?done=saved`;
});
const joinGroup = manageForm("join", async (c, g, body) => {
  await createGroupMember(c.var.deps, requirePerson(c), g.slug, body);
  return `/private/groups/${g.slug}?done=joined`;
});
const endMembership = manageForm("leave", async (c, g, body) => {
  await endGroupMembership(c.var.deps, requirePerson(c), g.slug, idParam(c.req.param("id")), body);
  return `/private/groups/${g.slug}?done=left`;
});
const appointChair = manageForm("chair", async (c, g, body) => {
  await createGroupChair(c.var.deps, requirePerson(c), g.slug, body);
  return `/private/groups/${g.slug}?done=chair`;
});

async function confirmChairRemoval(c: AppContext) {
  chairRemover(c);
  const g = await managedGroup(c);
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
        <ConfirmForm
          action={`/private/groups/${g.slug}/chairs/${chair.id}/remove`}
          csrf={c.var.csrfToken()}
          button="Remove chair"
          back={`/private/groups/${g.slug}`}
        />
      </>
    ),
  });
}

async function endChairTerm(c: AppContext) {
  const actor = chairRemover(c);
  const slug = c.req.param("slug") ?? "";
  await deleteGroupChair(c.var.deps, actor, slug, idParam(c.req.param("id")));
  return c.redirect(`/private/groups/${slug}?done=unchaired`, 303);
}

/** The private pages where the secretariat and chairs manage groups, members and chairs. */
export const groupAdminPages = pageGroup([
  ["GET", "/private/groups", groupList],
  ["GET", "/private/groups/new", newGroupForm],
  ["POST", "/private/groups/new", submitNewGroup],
  ["GET", "/private/groups/:slug", groupPage],
  ["POST", "/private/groups/:slug", saveGroup],
  ["POST", "/private/groups/:slug/members", joinGroup],
  ["POST", "/private/groups/:slug/members/:id/leave", endMembership],
  ["POST", "/private/groups/:slug/chairs", appointChair],
  ["GET", "/private/groups/:slug/chairs/:id/remove", confirmChairRemoval],
  ["POST", "/private/groups/:slug/chairs/:id/remove", endChairTerm],
]);
