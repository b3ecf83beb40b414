import { CsrfField, ErrorSummary, Field, NewPasswordFields, Notice } from "../../../web/components.js";

type Errors = Record<string, string> | undefined;

/** Asking for a reset link by the account's e-mail address. */
export function ResetRequestForm(p: {
  email: string;
  sent: string | null;
  csrf: string;
  errors?: Errors;
  message?: string;
}) {
  return (
    <div class="wrap narrow">
      <h1>Forgotten your password?</h1>
      <Notice text={p.sent} />
      <p class="lead">
        Enter the e-mail address of your account and we will mail you a link to choose a new one.
      </p>
      <form method="post" action="/sign-in/forgotten" class="form" novalidate>
        <ErrorSummary errors={p.errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <Field
          name="email"
          label="E-mail address"
          type="email"
          autocomplete="username"
          value={p.email}
          errors={p.errors}
          required
        />
        <button class="button" type="submit">
          Send the link
        </button>
      </form>
      <p>
        <a href="/sign-in">Back to sign-in</a>
      </p>
    </div>
  );
}

/** Choosing the new password, from the mailed link. */
export function NewPasswordForm(p: { token: string; csrf: string; errors?: Errors; message?: string }) {
  return (
    <div class="wrap narrow">
      <h1>Choose a new password</h1>
      <p class="lead">Every session of your account ends, here and on other devices; then sign in again.</p>
      <form method="post" action={`/reset/${p.token}`} class="form" novalidate>
        <ErrorSummary errors={p.errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <NewPasswordFields errors={p.errors} label="New password" />
        <button class="button" type="submit">
          Set the new password
        </button>
      </form>
    </div>
  );
}
