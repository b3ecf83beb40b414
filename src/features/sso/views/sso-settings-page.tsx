import { CsrfField, Notice, PageHeader } from "../../../web/components.js";
import type { Organisation } from "../../directory/directory.queries.js";
import { type SsoFormValues, SsoSettingsForm } from "./sso-settings-form.js";

/** An organisation's single sign-on settings, with the button that tests the saved provider. */
export function SsoSettingsPage(p: {
  org: Organisation;
  notice: string | undefined;
  csrf: string;
  redirectUri: string;
  values: SsoFormValues;
  hasSecret: boolean;
  errors?: Record<string, string>;
  message?: string;
}) {
  const { org } = p;
  return (
    <>
      <PageHeader
        eyebrow={org.name}
        title={`Single sign-on for ${org.acronym}`}
        lead={`People of ${org.acronym} sign in with their agency's OpenID Connect provider. It signs in people who exist or were invited, and new members only from the allowed domains.`}
      />
      <Notice text={p.notice} />
      <SsoSettingsForm
        action={`/private/members/${org.slug}/sso`}
        csrf={p.csrf}
        acronym={org.acronym}
        redirectUri={p.redirectUri}
        values={p.values}
        hasSecret={p.hasSecret}
        errors={p.errors}
        message={p.message}
      />
      <form method="post" action={`/private/members/${org.slug}/sso/test`} class="inline-form">
        <CsrfField token={p.csrf} />
        <button class="button button-quiet" type="submit">
          Test the connection
        </button>
      </form>
      <p>
        <a href="/private/members">Back to the organisations</a>
      </p>
    </>
  );
}
