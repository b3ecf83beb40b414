import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { type Form, handleForm, str } from "../../http/forms.js";
import { authorize, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { canManageDirectory } from "../directory/directory.policy.js";
import { findOrganisationBySlug, type Organisation } from "../directory/directory.queries.js";
import { checkSsoProvider, ssoRedirectUri } from "./sso.flow.service.js";
import { saveSsoSettings, ssoSettingsOf } from "./sso.settings.queries.js";
import type { SsoFormValues } from "./views/sso-settings-form.js";
import { SsoSettingsPage } from "./views/sso-settings-page.js";

const notices: Record<string, string> = {
  saved: "The single sign-on settings were saved.",
  reachable: "The identity provider answered: its discovery document was read with the saved issuer.",
  unreachable:
    "The identity provider did not answer with a discovery document at the saved issuer. Check the address, and that this server may reach it.",
  unsaved: "Save the settings first, then test the connection.",
};

const onlySecretariat = "Only the secretariat sets up single sign-on.";

async function loadOrg(c: AppContext) {
  const actor = requirePerson(c);
  const org = await findOrganisationBySlug(c.var.deps.db, c.req.param("slug") ?? "");
  if (!org) throw notFound("The organisation");
  authorize(canManageDirectory(actor), onlySecretariat);
  return { actor, org };
}

const fromForm = (body: Form): SsoFormValues => ({
  issuer: str(body.issuer),
  clientId: str(body.clientId),
  allowedDomains: str(body.allowedDomains),
  enabled: str(body.enabled) === "on",
});

async function settingsPage(
  c: AppContext,
  org: Organisation,
  values?: SsoFormValues,
  errors?: Record<string, string>,
  message?: string,
) {
  const stored = await ssoSettingsOf(c.var.deps, c.var.actor, org);
  const shown = values ?? {
    issuer: stored?.issuer,
    clientId: stored?.clientId,
    allowedDomains: stored?.allowedDomains.join("\n"),
    enabled: stored?.enabled,
  };
  return renderPrivate(
    c,
    {
      title: `Single sign-on for ${org.acronym}`,
      body: () => (
        <SsoSettingsPage
          org={org}
          notice={notices[c.req.query("done") ?? ""]}
          csrf={c.var.csrfToken()}
          redirectUri={ssoRedirectUri(c.var.deps)}
          values={shown}
          hasSecret={stored?.hasSecret ?? false}
          errors={errors}
          message={message}
        />
      ),
    },
    errors ? 422 : 200,
  );
}

async function ssoSettings(c: AppContext) {
  const { org } = await loadOrg(c);
  return settingsPage(c, org);
}

async function saveSettings(c: AppContext) {
  const { actor, org } = await loadOrg(c);
  return handleForm(
    c,
    async (body) => {
      await saveSsoSettings(c.var.deps, actor, org, body);
      return `/private/members/${org.slug}/sso?done=saved`;
    },
    (body, errors, message) => settingsPage(c, org, fromForm(body), errors, message),
  );
}

async function testConnection(c: AppContext) {
  const { org } = await loadOrg(c);
  return c.redirect(`/private/members/${org.slug}/sso?done=${await checkSsoProvider(c.var.deps, org)}`, 303);
}

/** The secretariat's page for an organisation's single sign-on (OpenID Connect). */
export const ssoSettingsPages = pageGroup([
  ["GET", "/private/members/:slug/sso", ssoSettings],
  ["POST", "/private/members/:slug/sso", saveSettings],
  ["POST", "/private/members/:slug/sso/test", testConnection],
]);
