import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { AppError, type FieldErrors, notFound } from "../../http/errors.js";
import { personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { uploadBody } from "../../kit/uploads.js";
import { ConfirmForm, CsrfField, ErrorSummary, FileField, Notice, PageHeader } from "../../web/components.js";
import { loadForum, logoExtension, logoPath } from "../../web/forum.js";
import { canEditPages } from "../pages/pages.policy.js";
import { serveStoredFile } from "../publications/publications.download.export.js";
import { deleteLogo, setLogo } from "./logo.service.js";

const notices: Record<string, string> = {
  changed: "The new logo is in the header of every page.",
  removed: "The logo was removed; the header shows the forum's short name.",
};

const guard = personAllowedBy(canEditPages, "Only the secretariat changes the forum's logo.");

async function logoPage(c: AppContext, errors?: FieldErrors, message?: string) {
  const forum = await loadForum(c.var.deps);
  return renderPrivate(
    c,
    {
      title: "Logo",
      body: () => (
        <>
          <PageHeader
            title="Logo"
            lead="The picture beside the forum's name in the header of every page. Without one, the header shows the short name."
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          {forum.logo ? (
            <p class="logo-current">
              <img src={logoPath(forum.logo)} alt={`The current logo of ${forum.name}`} height="64" />
              <a href="/private/site/logo/remove">Remove the logo</a>
            </p>
          ) : (
            <p class="muted">No logo yet: the header shows “{forum.acronym}”.</p>
          )}
          <form
            method="post"
            action="/private/site/logo"
            class="form"
            enctype="multipart/form-data"
            novalidate
          >
            <ErrorSummary errors={errors} message={message} />
            <CsrfField token={c.var.csrfToken()} />
            <FileField
              name="file"
              field="logo"
              label={forum.logo ? "Replace with a new image" : "Image file"}
              hint="PNG, JPEG, WebP or SVG, at most 512 KB. It is shown 40 pixels high; a wide logo works best."
              accept="image/png,image/jpeg,image/webp,image/svg+xml"
              errors={errors}
            />
            <p class="form-actions">
              <button class="button" type="submit">
                Use this logo
              </button>
              <a href="/private/site">Back to the site's texts</a>
            </p>
          </form>
        </>
      ),
    },
    errors ? 422 : 200,
  );
}

/** The secretariat's logo upload, and the logo's public address. */
export function logoPages() {
  const app = new Hono<AppEnv>();

  app.get("/site-logo/:file", async (c) => {
    const logo = (await loadForum(c.var.deps)).logo;
    if (!logo || c.req.param("file") !== logoPath(logo).slice("/site-logo/".length))
      throw notFound("This logo");
    // An SVG's own policy (nothing in it runs) is set in app.ts, after the site's security headers.
    return serveStoredFile(
      c,
      { sha256: logo.sha256, name: `logo.${logoExtension(logo.type)}`, type: logo.type },
      { cacheControl: "public, max-age=31536000, immutable" },
    );
  });

  app.get("/private/site/logo", (c) => {
    guard(c);
    return logoPage(c);
  });

  app.post("/private/site/logo", async (c) => {
    const actor = guard(c);
    const { file } = await uploadBody(c);
    try {
      await setLogo(c.var.deps, actor, file);
    } catch (e) {
      if (e instanceof AppError && e.code === "validation_failed") return logoPage(c, e.fields, e.message);
      throw e;
    }
    return c.redirect("/private/site/logo?done=changed", 303);
  });

  app.get("/private/site/logo/remove", (c) => {
    guard(c);
    return renderPrivate(c, {
      title: "Remove the logo?",
      body: () => (
        <>
          <PageHeader title="Remove the logo?" lead="The header shows the forum's short name instead." />
          <ConfirmForm
            action="/private/site/logo/remove"
            csrf={c.var.csrfToken()}
            button="Remove the logo"
            back="/private/site/logo"
          />
        </>
      ),
    });
  });

  app.post("/private/site/logo/remove", async (c) => {
    await deleteLogo(c.var.deps, guard(c));
    return c.redirect("/private/site/logo?done=removed", 303);
  });

  return app;
}
