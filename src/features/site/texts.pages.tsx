import type { AppContext } from "../../http/env.js";
import { AppError, type FieldErrors } from "../../http/errors.js";
import { formBody } from "../../http/forms.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import { type Forum, loadForum } from "../../web/forum.js";
import { canEditPages } from "../pages/pages.policy.js";
import { siteTextsValues } from "./texts.schemas.js";
import {
  discardSiteDraft,
  findSiteDraft,
  listSiteRevisions,
  previewSiteTexts,
  publishSiteTexts,
  restoreSiteRevision,
  saveSiteDraft,
} from "./texts.service.js";
import { SiteTextsEditor } from "./views/site-texts-editor.js";

const notices: Record<string, string> = {
  published: "The texts were published: visitors see them now.",
  draft: "The draft was saved. Visitors still see the published texts.",
  discarded: "The draft was discarded.",
  restored: "The earlier version is now the draft: check it, then publish it.",
};

const guard = personAllowedBy(canEditPages, "Only the secretariat edits the site's texts.");

function confirmPage(c: AppContext, p: { title: string; text: string; action: string; button: string }) {
  return renderPrivate(c, {
    title: p.title,
    body: () => (
      <>
        <PageHeader title={p.title} />
        <p>{p.text}</p>
        <ConfirmForm action={p.action} csrf={c.var.csrfToken()} button={p.button} back="/private/site" />
      </>
    ),
  });
}

async function editor(
  c: AppContext,
  p: { values: FormValues; errors?: FieldErrors; message?: string; preview?: Forum; draftSavedAt?: Date },
  status: 200 | 422 = 200,
) {
  const revisions = await listSiteRevisions(c.var.deps.db);
  return renderPrivate(
    c,
    {
      title: "Site texts",
      body: () => (
        <SiteTextsEditor
          notice={notices[c.req.query("done") ?? ""]}
          {...p}
          revisions={revisions}
          csrf={c.var.csrfToken()}
        />
      ),
    },
    status,
  );
}

async function siteTextsForm(c: AppContext) {
  guard(c);
  const draft = await findSiteDraft(c.var.deps.db);
  const forum = draft?.forum ?? (await loadForum(c.var.deps));
  return editor(c, { values: siteTextsValues(forum), draftSavedAt: draft?.savedAt });
}

/** One form, three buttons: preview (nothing saved), save as a draft, or publish. */
async function submitSiteTexts(c: AppContext) {
  const actor = guard(c);
  const body = await formBody(c);
  const deps = c.var.deps;
  try {
    if (body.action === "preview") {
      const preview = await previewSiteTexts(deps, actor, body);
      return editor(c, { values: body, preview, draftSavedAt: (await findSiteDraft(deps.db))?.savedAt });
    }
    if (body.action === "draft") await saveSiteDraft(deps, actor, body);
    else await publishSiteTexts(deps, actor, body);
    return c.redirect(`/private/site?done=${body.action === "draft" ? "draft" : "published"}`, 303);
  } catch (e) {
    if (e instanceof AppError && e.code === "validation_failed") {
      return editor(c, { values: body, errors: e.fields, message: e.message }, 422);
    }
    throw e;
  }
}

function confirmDiscardDraft(c: AppContext) {
  guard(c);
  return confirmPage(c, {
    title: "Discard the draft?",
    text: "The unpublished changes are lost; the site keeps the texts it shows now.",
    action: "/private/site/draft/discard",
    button: "Discard the draft",
  });
}

async function discardDraft(c: AppContext) {
  await discardSiteDraft(c.var.deps, guard(c));
  return c.redirect("/private/site?done=discarded", 303);
}

async function confirmRestoreRevision(c: AppContext) {
  guard(c);
  const id = idParam(c.req.param("id"));
  const hasDraft = Boolean(await findSiteDraft(c.var.deps.db));
  return confirmPage(c, {
    title: "Load this version into the draft?",
    text: `The texts of this version become the draft, to check and publish.${hasDraft ? " The draft you have now is replaced." : ""} The site does not change until you publish.`,
    action: `/private/site/revisions/${id}/restore`,
    button: "Load into the draft",
  });
}

async function restoreRevision(c: AppContext) {
  await restoreSiteRevision(c.var.deps, guard(c), idParam(c.req.param("id")));
  return c.redirect("/private/site?done=restored", 303);
}

/** The secretariat's editor of the forum's name, Home, About and navigation: preview, draft, revisions. */
export const siteTextsPages = pageGroup([
  ["GET", "/private/site", siteTextsForm],
  ["POST", "/private/site", submitSiteTexts],
  ["GET", "/private/site/draft/discard", confirmDiscardDraft],
  ["POST", "/private/site/draft/discard", discardDraft],
  ["GET", "/private/site/revisions/:id/restore", confirmRestoreRevision],
  ["POST", "/private/site/revisions/:id/restore", restoreRevision],
]);
