import { Checkbox, CsrfField, ErrorSummary, Field, TextArea } from "../../../web/components.js";

/** The values the form shows; never the secret. */
export type SsoFormValues = {
  issuer?: string;
  clientId?: string;
  allowedDomains?: string;
  enabled?: boolean;
};

/** The secretariat's form for an organisation's OpenID Connect provider. */
export function SsoSettingsForm(p: {
  action: string;
  csrf: string;
  acronym: string;
  redirectUri: string;
  values: SsoFormValues;
  hasSecret: boolean;
  errors?: Record<string, string>;
  message?: string;
}) {
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <p>
        Register this platform with {p.acronym}'s identity provider as a confidential client using the
        authorization code flow, with this redirect address: <code>{p.redirectUri}</code>
      </p>
      <Field
        name="issuer"
        label="Issuer address"
        type="url"
        hint="The provider's issuer, e.g. https://login.agency.example/realms/staff (its discovery document is read from there)."
        value={p.values.issuer}
        errors={p.errors}
        required
      />
      <Field name="clientId" label="Client id" value={p.values.clientId} errors={p.errors} required />
      <Field
        name="clientSecret"
        label="Client secret"
        type="password"
        autocomplete="new-password"
        hint={
          p.hasSecret
            ? "A secret is stored and is never shown. Leave this blank to keep it, or type a new one to replace it."
            : "Shown nowhere once saved."
        }
        errors={p.errors}
        required={!p.hasSecret}
      />
      <TextArea
        name="allowedDomains"
        label="Allowed e-mail domains"
        hint={`One per line or separated by commas, e.g. esa.int. Anyone with a verified address at these domains becomes a member of ${p.acronym} at their first sign-in. Leave empty to let in only people who exist or were invited.`}
        value={p.values.allowedDomains}
        errors={p.errors}
        rows={3}
      />
      <Checkbox
        name="enabled"
        label={`Show "Sign in with ${p.acronym}" on the sign-in page`}
        checked={p.values.enabled}
      />
      <button class="button" type="submit">
        Save single sign-on
      </button>
    </form>
  );
}
