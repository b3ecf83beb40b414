import { CsrfField, Field } from "../../../web/components.js";
import { PasskeySecondStep } from "./passkey-forms.js";

/** After a right password: a code from the app or a recovery code, or a passkey when there is one. */
export function SecondStepForm(p: { totp: boolean; passkeys: number; error?: string; csrf: string }) {
  const errors = p.error ? { code: p.error } : undefined;
  return (
    <div class="wrap narrow">
      <h1>One more step</h1>
      <p class="lead">Your password was right. Now show it is really you.</p>
      {p.error ? (
        <div class="error-summary" role="alert">
          <h2>{p.error}</h2>
        </div>
      ) : null}
      <form method="post" action="/sign-in/second-step" class="form" novalidate>
        <CsrfField token={p.csrf} />
        <Field
          name="code"
          label={p.totp ? "Code from your authenticator app, or a recovery code" : "A recovery code"}
          hint={
            p.totp ? "Six digits, such as 123 456. A recovery code looks like abcd-efgh-jkmn." : undefined
          }
          autocomplete="one-time-code"
          inputmode={p.totp ? "numeric" : undefined}
          errors={errors}
          required
        />
        <p class="form-actions">
          <button class="button" type="submit">
            Continue
          </button>
        </p>
      </form>
      {p.passkeys > 0 ? <PasskeySecondStep csrf={p.csrf} /> : null}
      <p>Lost your phone and your recovery codes? Ask the secretariat to reset your second factors.</p>
    </div>
  );
}
