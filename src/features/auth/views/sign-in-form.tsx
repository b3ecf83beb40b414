import type { FieldErrors } from "../../../http/errors.js";
import { CsrfField, ErrorSummary, Field, Notice } from "../../../web/components.js";
import { SsoChoices } from "../../sso/views/sso-choices.js";
import { PasskeySignIn } from "../../two-factor/views/passkey-forms.js";

/** Signing in: by password, by passkey, or with an agency's single sign-on. */
export function SignInForm(p: {
  notice: string | null;
  csrf: string;
  /** Where to go after signing in, already made safe. */
  next: string;
  sso: Parameters<typeof SsoChoices>[0]["agencies"];
  email?: string;
  errors?: FieldErrors;
  message?: string;
}) {
  return (
    <div class="wrap narrow">
      <h1>Sign in to the private area</h1>
      <p class="lead">For people representing member agencies and for the secretariat.</p>
      <Notice text={p.notice} />
      {p.message && !p.errors ? (
        <div class="error-summary" role="alert">
          <h2>{p.message}</h2>
        </div>
      ) : (
        <ErrorSummary errors={p.errors} message="Sign-in failed" />
      )}
      <form method="post" action="/sign-in" class="form" novalidate>
        <CsrfField token={p.csrf} />
        <input type="hidden" name="next" value={p.next} />
        <Field
          name="email"
          label="E-mail address"
          type="email"
          autocomplete="username"
          value={p.email}
          errors={p.errors}
          required
        />
        <Field
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          errors={p.errors}
          required
        />
        <button class="button" type="submit">
          Sign in
        </button>
      </form>
      <p>
        <a href="/sign-in/forgotten">Forgotten your password?</a>
      </p>
      <PasskeySignIn csrf={p.csrf} next={p.next} />
      <SsoChoices agencies={p.sso} next={p.next} />
    </div>
  );
}
