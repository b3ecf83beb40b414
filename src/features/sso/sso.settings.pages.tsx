import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { type Form, handleForm, str } from "../../http/forms.js";
import { authorize, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { CsrfField, Notice, PageHeader } from "../../web/components.js";
import { canManageDirectory } from "../directory/directory.policy.js";
import { findOrganisationBySlug, type Organisation } from "../directory/directory.queries.js";
import { checkSsoProvider, ssoRedirectUri } from "./sso.flow.service.js";
import { saveSsoSettings, ssoSettingsOf } from "./sso.settings.queries.js";
import { type SsoFormValues, SsoSettingsForm } from "./views/sso-settings-form.js";

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

/** The secretariat's page for an organisation's single sign-on (OpenID Connect). */
export function ssoSettingsPages() {
  const app = new Hono<AppEnv>();

  const page = async (
    c: AppContext,
    org: Organisation,
    values?: SsoFormValues,
    errors?: Record<string, string>,
    message?: string,
  ) => {
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
          <>
            <PageHeader
              eyebrow={org.name}
              title={`Single sign-on for ${org.acronym}`}
              lead={`People of ${org.acronym} sign in with their agency's OpenID Connect provider. It signs in people who exist or were invited, and new members only from the allowed domains.`}
            />
            <Notice text={notices[c.req.query("done") ?? ""]} />
            <SsoSettingsForm
              action={`/private/members/${org.slug}/sso`}
              csrf={c.var.csrfToken()}
              acronym={org.acronym}
              redirectUri={ssoRedirectUri(c.var.deps)}
              values={shown}
              hasSecret={stored?.hasSecret ?? false}
              errors={errors}
              message={message}
            />
            <form method="post" action={`/private/members/${org.slug}/sso/test`} class="inline-form">
              <CsrfField token={c.var.csrfToken()} />
              <button class="button button-quiet" type="submit">
                Test the connection
              </button>
            </form>
            <p>
              <a href="/private/members">Back to the organisations</a>
            </p>
          </>
        ),
      },
      errors ? 422 : 200,
    );
  };

  app.get("/private/members/:slug/sso", async (c) => {
    const { org } = await loadOrg(c);
    return page(c, org);
  });

  app.post("/private/members/:slug/sso", async (c) => {
    const { actor, org } = await loadOrg(c);
    return handleForm(
      c,
      async (body) => {
        await saveSsoSettings(c.var.deps, actor, org, body);
        return `/private/members/${org.slug}/sso?done=saved`;
      },
      (body, errors, message) => page(c, org, fromForm(body), errors, message),
    );
  });

  app.post("/private/members/:slug/sso/test", async (c) => {
    const { org } = await loadOrg(c);
    return c.redirect(
      `/private/members/${org.slug}/sso?done=${await checkSsoProvider(c.var.deps, org)}`,
      303,
    );
  });

  return app;
}
