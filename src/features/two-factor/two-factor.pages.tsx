import { totpUri } from "../../domain/totp.js";
import type { AppContext } from "../../http/env.js";
import { AppError } from "../../http/errors.js";
import { formBody } from "../../http/forms.js";
import { requirePerson } from "../../http/guards.js";
import { clientAddress } from "../../http/middleware.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { loadForum } from "../../web/forum.js";
import { ENROL_PATH } from "./cookies.pages.js";
import { factorsOf } from "./factors.queries.js";
import { ownPasskeys } from "./passkeys.service.js";
import { twoFactorRequiredFor } from "./requirement.service.js";
import { confirmTotp, disableTotp, pendingTotpSecret, regenerateRecoveryCodes } from "./totp.service.js";
import { AccountTwoFactor } from "./views/account-two-factor.js";
import { AppSetup } from "./views/app-setup.js";
import { RecoveryCodes } from "./views/recovery-codes.js";

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
        <AccountTwoFactor
          mustEnrol={Boolean(me.mustEnrol)}
          required={required}
          notice={done ? (notices[done] ?? null) : null}
          problem={c.req.query("problem")}
          factors={f}
          keys={keys}
          csrf={csrf}
          {...opts}
        />
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
    body: () => <RecoveryCodes codes={codes} message={message} />,
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
        <AppSetup svg={svg} secret={secret} csrf={c.var.csrfToken()} errors={errors} message={message} />
      ),
    },
    errors ? 422 : 200,
  );
}

async function appSetup(c: AppContext) {
  const secret = await pendingTotpSecret(c.var.deps, requirePerson(c));
  return secret ? setupPage(c, secret) : c.redirect(ENROL_PATH, 303);
}

/** The first right code switches the app on (and shows the first recovery codes, if there were none). */
async function switchAppOn(c: AppContext) {
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
}

async function switchAppOff(c: AppContext) {
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
}

async function newRecoveryCodes(c: AppContext) {
  try {
    const codes = await regenerateRecoveryCodes(c.var.deps, requirePerson(c));
    return recoveryCodesPage(c, codes, "Your new recovery codes; the old ones no longer work.");
  } catch (e) {
    if (e instanceof AppError && e.code === "conflict") return c.redirect(ENROL_PATH, 303);
    throw e;
  }
}

/** The two-factor pages of a person's own account. */
export const twoFactorPages = pageGroup([
  ["GET", ENROL_PATH, (c) => accountTwoFactorPage(c)],
  ["GET", `${ENROL_PATH}/app`, appSetup],
  ["POST", `${ENROL_PATH}/app`, switchAppOn],
  ["POST", `${ENROL_PATH}/app/off`, switchAppOff],
  ["POST", `${ENROL_PATH}/recovery-codes`, newRecoveryCodes],
]);
