import { passkeyScriptUrl } from "../../../web/assets.js";
import { CsrfField } from "../../../web/components.js";

/**
 * A passkey form: hidden until the script finds the browser can use passkeys, then the script asks
 * the server for a challenge, lets the browser sign it and sends the answer in `response`.
 */
function PasskeyForm(p: {
  kind: "sign-in" | "second-step" | "register";
  action: string;
  options: string;
  csrf: string;
  button: string;
  children?: unknown;
}) {
  return (
    <>
      <form
        method="post"
        action={p.action}
        class="form passkey-form"
        data-passkey={p.kind}
        data-options={p.options}
        hidden
      >
        <CsrfField token={p.csrf} />
        <input type="hidden" name="response" value="" />
        {p.children as never}
        <p class="passkey-problem field-error" role="alert" hidden></p>
        <p class="form-actions">
          <button class="button" type="submit">
            {p.button}
          </button>
        </p>
      </form>
      <script type="module" src={passkeyScriptUrl}></script>
    </>
  );
}

/** "Sign in with a passkey" under the password form. */
export const PasskeySignIn = (p: { csrf: string; next: string }) => (
  <PasskeyForm
    kind="sign-in"
    action="/sign-in/passkey"
    options="/sign-in/passkey/options"
    csrf={p.csrf}
    button="Sign in with a passkey"
  >
    <h2>Or use a passkey</h2>
    <input type="hidden" name="next" value={p.next} />
  </PasskeyForm>
);

/** The passkey choice on the second-step page. */
export const PasskeySecondStep = (p: { csrf: string }) => (
  <PasskeyForm
    kind="second-step"
    action="/sign-in/second-step/passkey"
    options="/sign-in/second-step/passkey/options"
    csrf={p.csrf}
    button="Use a passkey"
  >
    <h2>Or use one of your passkeys</h2>
  </PasskeyForm>
);

/** Adding a passkey on the account's two-factor page. */
export const PasskeyRegister = (p: { csrf: string; error?: string }) => (
  <PasskeyForm
    kind="register"
    action="/private/account/passkeys"
    options="/private/account/passkeys/options"
    csrf={p.csrf}
    button="Add a passkey"
  >
    <div class={p.error ? "field has-error" : "field"}>
      <label for="passkey-name">Name of the new passkey</label>
      <p class="hint" id="passkey-name-hint">
        So you can tell your passkeys apart, such as “Work laptop” or “Phone”.
      </p>
      {p.error ? (
        <p class="field-error" id="passkey-name-error">
          {p.error}
        </p>
      ) : null}
      <input
        id="passkey-name"
        name="name"
        type="text"
        maxlength={80}
        required
        aria-describedby={p.error ? "passkey-name-hint passkey-name-error" : "passkey-name-hint"}
        aria-invalid={p.error ? "true" : undefined}
      />
    </div>
  </PasskeyForm>
);
