import type { AppContext } from "../../http/env.js";
import { AppError, type FieldErrors, notFound } from "../../http/errors.js";
import { personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { uploadBody } from "../../kit/uploads.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import { loadForum, logoExtension, logoPath } from "../../web/forum.js";
import { canEditPages } from "../pages/pages.policy.js";
import { serveStoredFile } from "../publications/publications.download.export.js";
import { deleteLogo, setLogo } from "./logo.service.js";
import { LogoForm } from "./views/logo-form.js";

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
        <LogoForm
          forum={forum}
          notice={notices[c.req.query("done") ?? ""]}
          {...{ errors, message }}
          csrf={c.var.csrfToken()}
        />
      ),
    },
    errors ? 422 : 200,
  );
}

async function logoFile(c: AppContext) {
  const logo = (await loadForum(c.var.deps)).logo;
  if (!logo || c.req.param("file") !== logoPath(logo).slice("/site-logo/".length))
    throw notFound("This logo");
  // An SVG's own policy (nothing in it runs) is set in app.ts, after the site's security headers.
  return serveStoredFile(
    c,
    { sha256: logo.sha256, name: `logo.${logoExtension(logo.type)}`, type: logo.type },
    { cacheControl: "public, max-age=31536000, immutable" },
  );
}

function logoForm(c: AppContext) {
  guard(c);
  return logoPage(c);
}

async function uploadLogo(c: AppContext) {
  const actor = guard(c);
  const { file } = await uploadBody(c);
  try {
    await setLogo(c.var.deps, actor, file);
  } catch (e) {
    if (e instanceof AppError && e.code === "validation_failed") return logoPage(c, e.fields, e.message);
    throw e;
  }
  return c.redirect("/private/site/logo?done=changed", 303);
}

function confirmRemoveLogo(c: AppContext) {
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
}

async function submitLogoDeletion(c: AppContext) {
  await deleteLogo(c.var.deps, guard(c));
  return c.redirect("/private/site/logo?done=removed", 303);
}

/** The secretariat's logo upload, and the logo's public address. */
export const logoPages = pageGroup([
  ["GET", "/site-logo/:file", logoFile],
  ["GET", "/private/site/logo", logoForm],
  ["POST", "/private/site/logo", uploadLogo],
  ["GET", "/private/site/logo/remove", confirmRemoveLogo],
  ["POST", "/private/site/logo/remove", submitLogoDeletion],
]);
