import { Hono } from "hono";
import { hasRole } from "../../http/actor.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import { AppError, type FieldErrors } from "../../http/errors.js";
import { formBody, str } from "../../http/forms.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import {
  ConfirmForm,
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeader,
  Select,
} from "../../web/components.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { canChooseTokenAgency, canSeeTokens } from "./tokens.policy.js";
import { listTokens } from "./tokens.queries.js";
import { createApiToken, revokeApiToken, tokenToManage } from "./tokens.service.js";
import { TokenTable } from "./views/token-table.js";

const notAllowed = "Only focal points and the secretariat manage API tokens.";
type Values = Record<string, string | string[]>;
type Created = { name: string; secret: string; acronym: string };

const guard = personAllowedBy(canSeeTokens, notAllowed);

async function TokenForm(c: AppContext, values: Values, errors?: FieldErrors, message?: string) {
  const actor = guard(c);
  const orgs = canChooseTokenAgency(actor) ? await listOrganisations(c.var.deps.db) : [];
  return (
    <form method="post" action="/private/tokens" class="form" novalidate>
      <h2>Create a token</h2>
      <ErrorSummary errors={errors} message={message} />
      <CsrfField token={c.var.csrfToken()} />
      <Field
        name="name"
        label="Name"
        value={str(values.name)}
        errors={errors}
        required
        hint="What will use it, e.g. “Mission database sync”."
      />
      {canChooseTokenAgency(actor) ? (
        <Select
          name="agency"
          label="Agency"
          value={str(values.agency)}
          errors={errors}
          required
          emptyLabel="Choose…"
          hint="The token acts as a focal point of this agency, and of no other."
          options={orgs.map((o) => ({ value: o.acronym, label: `${o.acronym} · ${o.name}` }))}
        />
      ) : null}
      <Field
        name="expires"
        label="Last day of use"
        type="date"
        value={str(values.expires)}
        errors={errors}
        hint="YYYY-MM-DD. Leave empty for a token that works until it is revoked."
      />
      <p class="form-actions">
        <button class="button" type="submit">
          Create token
        </button>
      </p>
    </form>
  );
}

/** The secret of a token just created: shown on this response only, never stored in clear. */
const CreatedToken = ({ created }: { created: Created }) => (
  <section class="notice" aria-labelledby="new-token">
    <h2 id="new-token">Copy the token “{created.name}” now</h2>
    <p>
      It acts for {created.acronym} through the API. This is the only time it is shown: it is stored only as a
      hash.
    </p>
    <p>
      <label for="secret">Token</label>
      <input id="secret" class="token-secret" type="text" readonly value={created.secret} />
    </p>
    <p class="muted small">
      Send it as <code>Authorization: Bearer &lt;token&gt;</code> to <code>/api/v1</code>.
    </p>
  </section>
);

async function tokensPage(
  c: AppContext,
  p: { values?: Values; errors?: FieldErrors; message?: string; created?: Created } = {},
  status: 200 | 422 = 200,
) {
  const actor = guard(c);
  const scope = hasRole(actor, "secretariat") ? null : actor.organisationId;
  const tokens = await listTokens(c.var.deps.db, scope);
  const form = await TokenForm(c, p.values ?? {}, p.errors, p.message);
  const done = c.req.query("done") === "revoked" ? "The token was revoked." : undefined;
  // The page may carry a secret: never cache or store it anywhere.
  c.header("Cache-Control", "private, no-store");
  return renderPrivate(
    c,
    {
      title: "API tokens",
      body: () => (
        <>
          <PageHeader
            title="API tokens"
            lead="Tokens let your agency's systems publish its plans through the API, with your rights of today for that agency only."
          />
          <Notice text={done} />
          {p.created ? <CreatedToken created={p.created} /> : null}
          <TokenTable tokens={tokens} now={c.var.deps.now()} />
          {form}
        </>
      ),
    },
    status,
  );
}

/** The private pages to list, create and revoke agencies' API tokens. */
export function tokenPages() {
  const app = new Hono<AppEnv>();
  app.get("/private/tokens", (c) => tokensPage(c));
  app.post("/private/tokens", async (c) => {
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
  });
  app.get("/private/tokens/:id/revoke", async (c) => {
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
  });
  app.post("/private/tokens/:id/revoke", async (c) => {
    const actor = guard(c);
    await revokeApiToken(c.var.deps, actor, idParam(c.req.param("id")));
    return c.redirect("/private/tokens?done=revoked", 303);
  });
  return app;
}
