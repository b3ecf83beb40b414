import type { FieldErrors } from "../../../http/errors.js";
import { CsrfField, ErrorSummary, NewPasswordFields } from "../../../web/components.js";
import { ssoStartPath } from "../../sso/views/sso-choices.js";

/** The invitee's page: choose a password, or sign in through their agency's identity service. */
export function AcceptInvitation(p: {
  name: string;
  token: string;
  csrf: string;
  /** The agency's single sign-on, when it offers one. */
  sso: { slug: string; acronym: string } | undefined;
  errors?: FieldErrors;
  message?: string;
}) {
  return (
    <div class="wrap narrow">
      <h1>Welcome, {p.name}</h1>
      <p class="lead">Choose a password for your account; then you are signed in.</p>
      <form method="post" action={`/invitation/${p.token}`} class="form" novalidate>
        <ErrorSummary errors={p.errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <NewPasswordFields errors={p.errors} />
        <button class="button" type="submit">
          Accept and sign in
        </button>
      </form>
      {p.sso ? (
        <section class="sso-choices" aria-labelledby="sso-heading">
          <h2 id="sso-heading">Or use your agency's sign-in</h2>
          <p>
            No password to remember: sign in with {p.sso.acronym}'s identity service, with the address this
            invitation was sent to.
          </p>
          <p>
            <a class="button button-quiet" href={ssoStartPath(p.sso.slug)} rel="nofollow">
              Use single sign-on with {p.sso.acronym}
            </a>
          </p>
        </section>
      ) : null}
    </div>
  );
}
