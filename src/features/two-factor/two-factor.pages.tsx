import { Hono } from "hono";
import { totpUri } from "../../domain/totp.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import { AppError } from "../../http/errors.js";
import { formBody } from "../../http/forms.js";
import { requirePerson } from "../../http/guards.js";
import { clientAddress } from "../../http/middleware.js";
import { renderPrivate } from "../../http/page.js";
import { CsrfField, ErrorSummary, Field, Notice, PageHeader } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { loadForum } from "../../web/forum.js";
import { ENROL_PATH } from "./cookies.pages.js";
import { factorsOf } from "./factors.queries.js";
import { ownPasskeys } from "./passkeys.service.js";
import { twoFactorRequiredFor } from "./requirement.service.js";
import { confirmTotp, disableTotp, pendingTotpSecret, regenerateRecoveryCodes } from "./totp.service.js";
import { PasskeyRegister } from "./views/passkey-forms.js";

const notices: Record<string, string> = {
  totp: "Your authenticator app is on. You will be asked for a code when you sign in.",
  "totp-off": "Your authenticator app was switched off.",
  passkey: "Your passkey was added.",
  "passkey-deleted": "The passkey was deleted.",
};

/** The account's two-factor page: the authenticator app, recovery codes and passkeys. */
export async function accountTwoFactorPage(
  c: AppContext,
  opts: { offErrors?: Record<string, string>; passkeyError?: string; message?: string } = {},
  status: 200 | 422 = 200,
) {
  const me = requirePerson(c);
  const deps = c.var.deps;
  const f = await factorsOf(deps.db, me.id);
  const keys = await ownPasskeys(deps, me);
  const required = await twoFactorRequiredFor(deps.db, me.roles);
  const csrf = c.var.csrfToken();
  const done = c.req.query("done");
  return renderPrivate(
    c,
    {
      title: "Two-factor sign-in",
      body: () => (
        <>
          <PageHeader
            title="Two-factor sign-in"
            lead="A second proof that it is you, beyond your password: a code from an app on your phone, or a passkey."
          />
          {me.mustEnrol ? (
            <div class="error-summary" role="alert">
              <h2>Your role requires two-factor sign-in</h2>
              <p>Set up an authenticator app or a passkey to continue to the private area.</p>
            </div>
          ) : required ? (
            <p>Your role requires two-factor sign-in.</p>
          ) : null}
          <Notice text={done ? (notices[done] ?? null) : null} />
          {c.req.query("problem") === "last" ? (
            <p class="field-error" role="alert">
              Your role requires two factors: set up another one before deleting your last passkey.
            </p>
          ) : null}
          {c.req.query("problem") === "passkey" ? (
            <p class="field-error" role="alert">
              Your browser did not send a passkey. Passkeys need JavaScript; please try again.
            </p>
          ) : null}
          <h2>Authenticator app</h2>
          {f.totp ? (
            <>
              <p>On. When you sign in, you enter the code the app shows.</p>
              <form method="post" action={`${ENROL_PATH}/app/off`} class="form" novalidate>
                <ErrorSummary errors={opts.offErrors} message={opts.message} />
                <CsrfField token={csrf} />
                <Field
                  name="password"
                  label="Current password"
                  type="password"
                  autocomplete="current-password"
                  hint="Or leave it empty and enter a code from your app below."
                  errors={opts.offErrors}
                />
                <Field
                  name="code"
                  label="Code from your app"
                  autocomplete="one-time-code"
                  inputmode="numeric"
                  errors={opts.offErrors}
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
                {f.recoveryCodesLeft} of 10 unused. Each works once, if you lose your phone or passkeys. New
                codes replace the old ones.
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
            A passkey lets you sign in with your fingerprint, face or device PIN instead of a password, and
            also serves as the second step. Adding one needs JavaScript.
          </p>
          <PasskeyRegister csrf={csrf} error={opts.passkeyError} />
        </>
      ),
    },
    status,
  );
}

/** Shows new recovery codes, once. */
export function recoveryCodesPage(c: AppContext, codes: string[], message: string) {
  c.header("Cache-Control", "no-store");
  return renderPrivate(c, {
    title: "Your recovery codes",
    body: () => (
      <>
        <PageHeader title="Your recovery codes" lead={message} />
        <p>
          Keep these ten codes somewhere safe, apart from your phone: each lets you sign in once if you lose
          it. They are shown only now.
        </p>
        <ul class="recovery-codes">
          {codes.map((code) => (
            <li>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <a class="button" href={ENROL_PATH}>
            I have kept them
          </a>
        </p>
      </>
    ),
  });
}

async function setupPage(c: AppContext, secret: string, errors?: Record<string, string>, message?: string) {
  const me = requirePerson(c);
  const forum = await loadForum(c.var.deps);
  const uri = totpUri(secret, me.email, forum.acronym || forum.name);
  // Loaded when first drawn, not at start.
  const { default: QRCode } = await import("qrcode");
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return renderPrivate(
    c,
    {
      title: "Set up an authenticator app",
      body: () => (
        <>
          <PageHeader title="Set up an authenticator app" />
          <ol>
            <li>Open the authenticator app on your phone and add an account.</li>
            <li>Scan this QR code, or type the key below into the app.</li>
            <li>Enter the 6-digit code the app then shows.</li>
          </ol>
          <div
            class="qr-code"
            role="img"
            aria-label="QR code for your authenticator app"
            dangerouslySetInnerHTML={{ __html: svg }}
          />
          <p>
            Key: <code class="totp-secret">{secret.replace(/(.{4})/g, "$1 ").trim()}</code>
          </p>
          <form method="post" action={`${ENROL_PATH}/app`} class="form" novalidate>
            <ErrorSummary errors={errors} message={message} />
            <CsrfField token={c.var.csrfToken()} />
            <Field
              name="code"
              label="Code from the app"
              autocomplete="one-time-code"
              inputmode="numeric"
              errors={errors}
              required
            />
            <p class="form-actions">
              <button class="button" type="submit">
                Switch on
              </button>
              <a href={ENROL_PATH}>Not now</a>
            </p>
          </form>
        </>
      ),
    },
    errors ? 422 : 200,
  );
}

/** The two-factor pages of a person's own account. */
export function twoFactorPages() {
  const app = new Hono<AppEnv>();

  app.get(ENROL_PATH, (c) => accountTwoFactorPage(c));

  app.get(`${ENROL_PATH}/app`, async (c) => {
    const secret = await pendingTotpSecret(c.var.deps, requirePerson(c));
    return secret ? setupPage(c, secret) : c.redirect(ENROL_PATH, 303);
  });

  app.post(`${ENROL_PATH}/app`, async (c) => {
    const me = requirePerson(c);
    const body = await formBody(c);
    try {
      const codes = await confirmTotp(c.var.deps, me, body);
      return codes
        ? recoveryCodesPage(c, codes, "Your authenticator app is on.")
        : c.redirect(`${ENROL_PATH}?done=totp`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === "conflict") return c.redirect(ENROL_PATH, 303);
      if (e.code !== "validation_failed" && e.code !== "rate_limited") throw e;
      const secret = await pendingTotpSecret(c.var.deps, me);
      if (!secret) return c.redirect(ENROL_PATH, 303);
      return setupPage(c, secret, e.fields ?? { code: e.message }, e.message);
    }
  });

  app.post(`${ENROL_PATH}/app/off`, async (c) => {
    const me = requirePerson(c);
    const body = await formBody(c);
    try {
      await disableTotp(c.var.deps, me, body, { ip: clientAddress(c) });
      return c.redirect(`${ENROL_PATH}?done=totp-off`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || (e.code !== "validation_failed" && e.code !== "rate_limited")) throw e;
      return accountTwoFactorPage(
        c,
        { offErrors: e.fields ?? { password: e.message }, message: e.message },
        422,
      );
    }
  });

  app.post(`${ENROL_PATH}/recovery-codes`, async (c) => {
    try {
      const codes = await regenerateRecoveryCodes(c.var.deps, requirePerson(c));
      return recoveryCodesPage(c, codes, "Your new recovery codes; the old ones no longer work.");
    } catch (e) {
      if (e instanceof AppError && e.code === "conflict") return c.redirect(ENROL_PATH, 303);
      throw e;
    }
  });

  return app;
}
