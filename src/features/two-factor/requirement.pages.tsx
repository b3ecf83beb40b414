import { Hono } from "hono";
import { roles } from "../../db/schema/index.js";
import { roleLabels } from "../../http/actor.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { ConfirmForm, CsrfField, Notice, PageHeader } from "../../web/components.js";
import { canManageDirectory } from "../directory/directory.policy.js";
import { findPerson } from "../directory/directory.queries.js";
import { canSetTwoFactorRequirement, requiredRoles, setRequiredRoles } from "./requirement.service.js";
import { resetTwoFactor } from "./reset.service.js";

const onlySecretariat = "Only the secretariat decides who must use two factors.";

async function requirementPage(c: AppContext) {
  const required = new Set(await requiredRoles(c.var.deps.db));
  return renderPrivate(c, {
    title: "Two-factor sign-in by role",
    body: () => (
      <>
        <PageHeader
          title="Who must use two-factor sign-in"
          lead="People in these roles must set up an authenticator app or a passkey before they can use the private area."
        />
        <Notice text={c.req.query("done") === "saved" ? "The requirement was saved." : null} />
        <form method="post" action="/private/settings/two-factor" class="form">
          <CsrfField token={c.var.csrfToken()} />
          <fieldset>
            <legend>Roles that must use two factors</legend>
            {roles.map((r) => (
              <div class="field checkbox">
                <input type="checkbox" id={`role-${r}`} name="roles" value={r} checked={required.has(r)} />
                <label for={`role-${r}`}>{roleLabels[r]}</label>
              </div>
            ))}
          </fieldset>
          <p class="form-actions">
            <button class="button" type="submit">
              Save
            </button>
          </p>
        </form>
      </>
    ),
  });
}

/** The secretariat's pages: who must use two factors, and resetting a person's lost factors. */
export function twoFactorAdminPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/settings/two-factor", async (c) => {
    authorize(canSetTwoFactorRequirement(requirePerson(c)), onlySecretariat);
    return requirementPage(c);
  });
  app.post("/private/settings/two-factor", async (c) => {
    const me = requirePerson(c);
    return handleForm(
      c,
      async (body) => {
        await setRequiredRoles(c.var.deps, me, body);
        return "/private/settings/two-factor?done=saved";
      },
      () => requirementPage(c),
    );
  });

  app.get("/private/people/:id/two-factor/reset", async (c) => {
    authorize(
      canManageDirectory(requirePerson(c)),
      "Only the secretariat resets other people's second factors.",
    );
    const found = await findPerson(c.var.deps.db, idParam(c.req.param("id")));
    if (!found) throw notFound("The person");
    return renderPrivate(c, {
      title: "Reset two-factor sign-in?",
      body: () => (
        <>
          <PageHeader
            title={`Reset the second factors of ${found.person.name}?`}
            lead="Their authenticator app, passkeys and recovery codes stop working. Do this only when you are sure it is them asking, for example after a lost phone. They sign in with their password and set up a new factor."
          />
          <ConfirmForm
            action={`/private/people/${found.person.id}/two-factor/reset`}
            csrf={c.var.csrfToken()}
            button="Reset two-factor sign-in"
            back={`/private/people/${found.person.id}/edit`}
          />
        </>
      ),
    });
  });
  app.post("/private/people/:id/two-factor/reset", async (c) => {
    const id = idParam(c.req.param("id"));
    await resetTwoFactor(c.var.deps, requirePerson(c), id);
    return c.redirect(`/private/people/${id}/edit`, 303);
  });

  return app;
}
