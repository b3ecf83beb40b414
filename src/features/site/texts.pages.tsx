import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { AppError, type FieldErrors } from "../../http/errors.js";
import { formBody } from "../../http/forms.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import type { FormValues } from "../../kit/forms.js";
import { ConfirmForm, Notice, PageHeader, TableScroll } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { type Forum, loadForum } from "../../web/forum.js";
import { navSections } from "../../web/nav.js";
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
import { AboutSections, HomeHero, HomeHighlights } from "./views/site-texts.js";
import { SiteTextsForm } from "./views/site-texts-form.js";

const notices: Record<string, string> = {
  published: "The texts were published: visitors see them now.",
  draft: "The draft was saved. Visitors still see the published texts.",
  discarded: "The draft was discarded.",
  restored: "The earlier version is now the draft: check it, then publish it.",
};

const guard = personAllowedBy(canEditPages, "Only the secretariat edits the site's texts.");

/** The secretariat's editor of the forum's name, Home, About and navigation: preview, draft, revisions. */
export function siteTextsPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/site", async (c) => {
    guard(c);
    const draft = await findSiteDraft(c.var.deps.db);
    const forum = draft?.forum ?? (await loadForum(c.var.deps));
    return editor(c, { values: siteTextsValues(forum), draftSavedAt: draft?.savedAt });
  });

  app.post("/private/site", async (c) => {
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
  });

  app.get("/private/site/draft/discard", async (c) => {
    guard(c);
    return confirmPage(c, {
      title: "Discard the draft?",
      text: "The unpublished changes are lost; the site keeps the texts it shows now.",
      action: "/private/site/draft/discard",
      button: "Discard the draft",
    });
  });

  app.post("/private/site/draft/discard", async (c) => {
    await discardSiteDraft(c.var.deps, guard(c));
    return c.redirect("/private/site?done=discarded", 303);
  });

  app.get("/private/site/revisions/:id/restore", async (c) => {
    guard(c);
    const id = idParam(c.req.param("id"));
    const hasDraft = Boolean(await findSiteDraft(c.var.deps.db));
    return confirmPage(c, {
      title: "Load this version into the draft?",
      text: `The texts of this version become the draft, to check and publish.${hasDraft ? " The draft you have now is replaced." : ""} The site does not change until you publish.`,
      action: `/private/site/revisions/${id}/restore`,
      button: "Load into the draft",
    });
  });

  app.post("/private/site/revisions/:id/restore", async (c) => {
    await restoreSiteRevision(c.var.deps, guard(c), idParam(c.req.param("id")));
    return c.redirect("/private/site?done=restored", 303);
  });

  return app;
}

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
        <>
          <PageHeader
            title="Site texts"
            lead="The forum's name, Home, About and the main navigation. The secretariat's contact is edited under Secretariat."
          />
          <p>
            The logo in the header is changed apart, and at once: <a href="/private/site/logo">Logo</a>.
          </p>
          <Notice text={notices[c.req.query("done") ?? ""]} />
          {p.draftSavedAt ? (
            <p class="callout">
              You are editing a draft saved {formatTimestamp(p.draftSavedAt)}; visitors see the published
              texts until you publish. <a href="/private/site/draft/discard">Discard the draft</a>
            </p>
          ) : null}
          {p.preview ? <Preview forum={p.preview} /> : null}
          <SiteTextsForm values={p.values} errors={p.errors} message={p.message} csrf={c.var.csrfToken()} />
          <Revisions revisions={revisions} />
        </>
      ),
    },
    status,
  );
}

function Preview({ forum }: { forum: Forum }) {
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview (not saved yet)</h2>
      <div class="preview-frame">
        <p class="eyebrow">Main navigation</p>
        <p>
          {navSections(forum.nav)
            .map((s) => s.label)
            .join(" · ")}
        </p>
        <p class="eyebrow">Home</p>
        <HomeHero forum={forum} />
        <HomeHighlights forum={forum} />
        <p class="eyebrow">About</p>
        <AboutSections forum={forum} />
      </div>
    </section>
  );
}

function Revisions({ revisions }: { revisions: Awaited<ReturnType<typeof listSiteRevisions>> }) {
  if (revisions.length === 0) {
    return <p class="muted">No version has been published from here yet; the texts come from the dataset.</p>;
  }
  return (
    <section aria-labelledby="revisions">
      <h2 id="revisions">Published versions</h2>
      <TableScroll label="Published versions">
        <table>
          <caption class="visually-hidden">Published versions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Published</th>
              <th scope="col">By</th>
              <th scope="col">
                <span class="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r, i) => (
              <tr>
                <td>{formatTimestamp(r.createdAt)}</td>
                <td>{r.authorName === "dataset" ? "From the dataset" : r.authorName}</td>
                <td>
                  {i === 0 ? (
                    "On the site now"
                  ) : (
                    <a href={`/private/site/revisions/${r.id}/restore`}>Load into the draft</a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
