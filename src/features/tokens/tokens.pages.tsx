import { hasRole } from "../../http/actor.js";
import type { AppContext } from "../../http/env.js";
import { AppError, type FieldErrors } from "../../http/errors.js";
import { formBody } from "../../http/forms.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { canChooseTokenAgency, canSeeTokens } from "./tokens.policy.js";
import { listTokens } from "./tokens.queries.js";
import { createApiToken, revokeApiToken, tokenToManage } from "./tokens.service.js";
import { type CreatedToken, TokensPage, type TokenValues } from "./views/tokens-page.js";

const guard = personAllowedBy(canSeeTokens, "Only focal points and the secretariat manage API tokens.");

async function tokensPage(
  c: AppContext,
  p: { values?: TokenValues; errors?: FieldErrors; message?: string; created?: CreatedToken } = {},
  status: 200 | 422 = 200,
) {
  const actor = guard(c);
  const scope = hasRole(actor, "secretariat") ? null : actor.organisationId;
  const tokens = await listTokens(c.var.deps.db, scope);
  const agencies = canChooseTokenAgency(actor) ? await listOrganisations(c.var.deps.db) : null;
  const csrf = c.var.csrfToken();
  const done = c.req.query("done") === "revoked" ? "The token was revoked." : undefined;
  // The page may carry a secret: never cache or store it anywhere.
  c.header("Cache-Control", "private, no-store");
  return renderPrivate(
    c,
    {
      title: "API tokens",
      body: () => (
        <TokensPage
          {...{ tokens, done, agencies, csrf }}
          now={c.var.deps.now()}
          created={p.created}
          values={p.values ?? {}}
          errors={p.errors}
          message={p.message}
        />
      ),
    },
    status,
  );
}

async function createToken(c: AppContext) {
  const actor = guard(c);
  const body = await formBody(c);
  try {
    const { token, secret } = await createApiToken(c.var.deps, actor, body);
    return tokensPage(c, { created: { name: token.name, secret, acronym: token.acronym } });
  } catch (e) {
    if (e instanceof AppError && e.code === "validation_failed") {
      return tokensPage(c, { values: body, errors: e.fields, message: e.message }, 422);
    }
    throw e;
  }
}

async function confirmRevoke(c: AppContext) {
  const actor = guard(c);
  const token = await tokenToManage(c.var.deps, actor, idParam(c.req.param("id")));
  return renderPrivate(c, {
    title: "Revoke API token",
    body: () => (
      <>
        <PageHeader
          title={`Revoke the token “${token.name}”?`}
          lead={`Systems using it (${token.prefix}…) will be refused by the API from now on. This cannot be undone; create a new token if needed.`}
        />
        <ConfirmForm
          action={`/private/tokens/${token.id}/revoke`}
          csrf={c.var.csrfToken()}
          button="Revoke token"
          back="/private/tokens"
        />
      </>
    ),
  });
}

async function revokeToken(c: AppContext) {
  const actor = guard(c);
  await revokeApiToken(c.var.deps, actor, idParam(c.req.param("id")));
  return c.redirect("/private/tokens?done=revoked", 303);
}

/** The private pages to list, create and revoke agencies' API tokens. */
export const tokenPages = pageGroup([
  ["GET", "/private/tokens", (c) => tokensPage(c)],
  ["POST", "/private/tokens", createToken],
  ["GET", "/private/tokens/:id/revoke", confirmRevoke],
  ["POST", "/private/tokens/:id/revoke", revokeToken],
]);
