import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import { canManageDirectory } from "../directory/directory.policy.js";
import { findPerson } from "../directory/directory.queries.js";
import { canSetTwoFactorRequirement, requiredRoles, setRequiredRoles } from "./requirement.service.js";
import { resetTwoFactor } from "./reset.service.js";
import { RequirementForm } from "./views/requirement-form.js";

const onlySecretariat = "Only the secretariat decides who must use two factors.";

async function requirementPage(c: AppContext) {
  const required = new Set(await requiredRoles(c.var.deps.db));
  return renderPrivate(c, {
    title: "Two-factor sign-in by role",
    body: () => (
      <RequirementForm
        required={required}
        notice={c.req.query("done") === "saved" ? "The requirement was saved." : null}
        csrf={c.var.csrfToken()}
      />
    ),
  });
}

async function requirement(c: AppContext) {
  authorize(canSetTwoFactorRequirement(requirePerson(c)), onlySecretariat);
  return requirementPage(c);
}

async function saveRequirement(c: AppContext) {
  const me = requirePerson(c);
  return handleForm(
    c,
    async (body) => {
      await setRequiredRoles(c.var.deps, me, body);
      return "/private/settings/two-factor?done=saved";
    },
    () => requirementPage(c),
  );
}

async function confirmReset(c: AppContext) {
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
}

async function resetFactors(c: AppContext) {
  const id = idParam(c.req.param("id"));
  await resetTwoFactor(c.var.deps, requirePerson(c), id);
  return c.redirect(`/private/people/${id}/edit`, 303);
}

/** The secretariat's pages: who must use two factors, and resetting a person's lost factors. */
export const twoFactorAdminPages = pageGroup([
  ["GET", "/private/settings/two-factor", requirement],
  ["POST", "/private/settings/two-factor", saveRequirement],
  ["GET", "/private/people/:id/two-factor/reset", confirmReset],
  ["POST", "/private/people/:id/two-factor/reset", resetFactors],
]);
