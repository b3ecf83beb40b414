import { CsrfField, ErrorSummary, Field, Notice, PageHeader } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import { ENROL_PATH } from "../cookies.pages.js";
import type { Factors } from "../factors.queries.js";
import type { ownPasskeys } from "../passkeys.service.js";
import { PasskeyRegister } from "./passkey-forms.js";

/** The account's two-factor page: the authenticator app, recovery codes and passkeys. */
export function AccountTwoFactor(p: {
  mustEnrol: boolean;
  required: boolean;
  notice: string | null;
  problem: string | undefined;
  factors: Factors;
  keys: Awaited<ReturnType<typeof ownPasskeys>>;
  csrf: string;
  offErrors?: Record<string, string>;
  passkeyError?: string;
  message?: string;
}) {
  const { factors: f, keys, csrf } = p;
  return (
    <>
      <PageHeader
        title="Two-factor sign-in"
        lead="A second proof that it is you, beyond your password: a code from an app on your phone, or a passkey."
      />
      {p.mustEnrol ? (
        <div class="error-summary" role="alert">
          <h2>Your role requires two-factor sign-in</h2>
          <p>Set up an authenticator app or a passkey to continue to the private area.</p>
        </div>
      ) : p.required ? (
        <p>Your role requires two-factor sign-in.</p>
      ) : null}
      <Notice text={p.notice} />
      {p.problem === "last" ? (
        <p class="field-error" role="alert">
          Your role requires two factors: set up another one before deleting your last passkey.
        </p>
      ) : null}
      {p.problem === "passkey" ? (
        <p class="field-error" role="alert">
          Your browser did not send a passkey. Passkeys need JavaScript; please try again.
        </p>
      ) : null}
      <h2>Authenticator app</h2>
      {f.totp ? (
        <>
          <p>On. When you sign in, you enter the code the app shows.</p>
          <form method="post" action={`${ENROL_PATH}/app/off`} class="form" novalidate>
            <ErrorSummary errors={p.offErrors} message={p.message} />
            <CsrfField token={csrf} />
            <Field
              name="password"
              label="Current password"
              type="password"
              autocomplete="current-password"
              hint="Or leave it empty and enter a code from your app below."
              errors={p.offErrors}
            />
            <Field
              name="code"
              label="Code from your app"
              autocomplete="one-time-code"
              inputmode="numeric"
              errors={p.offErrors}
            />
            <p class="form-actions">
              <button class="button button-danger" type="submit">
                Switch the app off
              </button>
            </p>
          </form>
        </>
      ) : (
        <p>
          Off. <a href={`${ENROL_PATH}/app`}>Set up an authenticator app</a> (any app that shows 6-digit
          codes, such as those from Google, Microsoft or 2FAS).
        </p>
      )}
      <h2>Recovery codes</h2>
      {f.totp || f.passkeys > 0 ? (
        <form method="post" action={`${ENROL_PATH}/recovery-codes`} class="form">
          <CsrfField token={csrf} />
          <p>
            {f.recoveryCodesLeft} of 10 unused. Each works once, if you lose your phone or passkeys. New codes
            replace the old ones.
          </p>
          <p class="form-actions">
            <button class="button" type="submit">
              Make new recovery codes
            </button>
          </p>
        </form>
      ) : (
        <p>You get ten when you switch on a second factor.</p>
      )}
      <h2>Passkeys</h2>
      {keys.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul>
          {keys.map((k) => (
            <li>
              “{k.name}”, added {formatTimestamp(k.createdAt)},{" "}
              {k.lastUsedAt ? `last used ${formatTimestamp(k.lastUsedAt)}` : "never used"}{" "}
              <form method="post" action={`/private/account/passkeys/${k.id}/delete`} class="inline">
                <CsrfField token={csrf} />
                <button
                  class="button button-small button-danger"
                  type="submit"
                  aria-label={`Delete the passkey “${k.name}”`}
                >
                  Delete
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <p>
        A passkey lets you sign in with your fingerprint, face or device PIN instead of a password, and also
        serves as the second step. Adding one needs JavaScript.
      </p>
      <PasskeyRegister csrf={csrf} error={p.passkeyError} />
    </>
  );
}
