import type { FieldErrors } from "../../../http/errors.js";
import { str } from "../../../http/forms.js";
import { CsrfField, ErrorSummary, Field, Notice, PageHeader, Select } from "../../../web/components.js";
import type { TokenRow } from "../tokens.queries.js";
import { TokenTable } from "./token-table.js";

export type TokenValues = Record<string, string | string[]>;
export type CreatedToken = { name: string; secret: string; acronym: string };
type Agency = { acronym: string; name: string };

/** The form for a new token; `agencies` is null for a focal point, whose tokens act for their own. */
function TokenForm(p: {
  agencies: Agency[] | null;
  csrf: string;
  values: TokenValues;
  errors?: FieldErrors;
  message?: string;
}) {
  const { values, errors } = p;
  return (
    <form method="post" action="/private/tokens" class="form" novalidate>
      <h2>Create a token</h2>
      <ErrorSummary errors={errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Field
        name="name"
        label="Name"
        value={str(values.name)}
        errors={errors}
        required
        hint="What will use it, e.g. “Mission database sync”."
      />
      {p.agencies ? (
        <Select
          name="agency"
          label="Agency"
          value={str(values.agency)}
          errors={errors}
          required
          emptyLabel="Choose…"
          hint="The token acts as a focal point of this agency, and of no other."
          options={p.agencies.map((o) => ({ value: o.acronym, label: `${o.acronym} · ${o.name}` }))}
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
const NewTokenSecret = ({ created }: { created: CreatedToken }) => (
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

/** The tokens the viewer manages, a secret just created, and the form for another. */
export function TokensPage(p: {
  tokens: TokenRow[];
  now: Date;
  done: string | undefined;
  created?: CreatedToken;
  agencies: Agency[] | null;
  csrf: string;
  values: TokenValues;
  errors?: FieldErrors;
  message?: string;
}) {
  return (
    <>
      <PageHeader
        title="API tokens"
        lead="Tokens let your agency's systems publish its plans through the API, with your rights of today for that agency only."
      />
      <Notice text={p.done} />
      {p.created ? <NewTokenSecret created={p.created} /> : null}
      <TokenTable tokens={p.tokens} now={p.now} />
      <TokenForm
        agencies={p.agencies}
        csrf={p.csrf}
        values={p.values}
        errors={p.errors}
        message={p.message}
      />
    </>
  );
}
