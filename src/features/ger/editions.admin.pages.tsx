import type { AppContext } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { deleteEdition, freezeEdition, loadSide, publishEdition } from "./editions.service.js";
import { canManageEditions } from "./ger.policy.js";
import { findEdition, latestFrozenEdition, listEditions } from "./ger.queries.js";
import {
  EditionActionConfirm,
  EditionAdminList,
  EditionAdminPage,
  type Values,
} from "./views/edition-admin.js";

const onlySecretariat = "Only the secretariat freezes, publishes and deletes editions.";
const notices: Record<string, string> = {
  published: "The edition was published; it can no longer change.",
  deleted: "The draft edition was deleted.",
  frozen: "The current plans were frozen as a draft edition.",
};

const guard = personAllowedBy(canManageEditions, onlySecretariat);

async function loadEdition(c: AppContext) {
  const e = await findEdition(c.var.deps.db, c.req.param("slug") ?? "");
  if (!e) throw notFound("The edition");
  return e;
}

const listPage = (c: AppContext, values: Values, errors?: FieldErrors, message?: string) =>
  renderPrivate(c, {
    title: "Editions",
    body: async () => (
      <EditionAdminList
        editions={await listEditions(c.var.deps.db, { publishedOnly: false })}
        notice={notices[c.req.query("done") ?? ""]}
        csrf={c.var.csrfToken()}
        {...{ values, errors, message }}
      />
    ),
  });

function editionList(c: AppContext) {
  guard(c);
  return listPage(c, {});
}

function freezeCurrentPlans(c: AppContext) {
  const actor = guard(c);
  return handleForm(
    c,
    async (body) => `/private/editions/${(await freezeEdition(c.var.deps, actor, body)).slug}?done=frozen`,
    (body, errors, message) => listPage(c, body, errors, message),
  );
}

async function edition(c: AppContext) {
  const actor = guard(c);
  const e = await loadEdition(c);
  const db = c.var.deps.db;
  const self = await loadSide(db, actor, e.slug);
  const latest = await latestFrozenEdition(db);
  const base = latest && latest.id !== e.id ? await loadSide(db, actor, latest.slug) : null;
  return renderPrivate(c, {
    title: e.name,
    body: () => (
      <EditionAdminPage e={e} notice={notices[c.req.query("done") ?? ""]} self={self} base={base} />
    ),
  });
}

async function confirmEditionAction(c: AppContext, action: "publish" | "delete") {
  guard(c);
  const e = await loadEdition(c);
  return renderPrivate(c, {
    title: action === "publish" ? "Publish edition" : "Delete edition",
    body: () => <EditionActionConfirm e={e} action={action} csrf={c.var.csrfToken()} />,
  });
}

const confirmPublish = (c: AppContext) => confirmEditionAction(c, "publish");
const confirmDelete = (c: AppContext) => confirmEditionAction(c, "delete");

async function publish(c: AppContext) {
  const actor = guard(c);
  const e = await publishEdition(c.var.deps, actor, c.req.param("slug") ?? "");
  return c.redirect(`/private/editions/${e.slug}?done=published`, 303);
}

async function deleteDraft(c: AppContext) {
  const actor = guard(c);
  await deleteEdition(c.var.deps, actor, c.req.param("slug") ?? "");
  return c.redirect("/private/editions?done=deleted", 303);
}

/** The secretariat's editions: list, freeze the current plans as a draft, publish, delete a draft. */
export const editionAdminPages = pageGroup([
  ["GET", "/private/editions", editionList],
  ["POST", "/private/editions", freezeCurrentPlans],
  ["GET", "/private/editions/:slug", edition],
  ["GET", "/private/editions/:slug/publish", confirmPublish],
  ["GET", "/private/editions/:slug/delete", confirmDelete],
  ["POST", "/private/editions/:slug/publish", publish],
  ["POST", "/private/editions/:slug/delete", deleteDraft],
]);
