import type { AppContext } from "../../http/env.js";
import { AppError } from "../../http/errors.js";
import { parseForm } from "../../http/forms.js";
import { idParam, requirePerson } from "../../http/guards.js";
import { clientAddress } from "../../http/middleware.js";
import { pageGroup } from "../../http/routes.js";
import { signInPage } from "../auth/auth.pages.js";
import { mayStartSignIn } from "../auth/throttle.service.js";
import {
  dropCookie,
  ENROL_PATH,
  readCookie,
  SECOND_STEP_COOKIE,
  setWebauthnCookie,
  WEBAUTHN_COOKIE,
} from "./cookies.pages.js";
import {
  deletePasskey,
  passkeyRegistrationOptions,
  passkeySignInOptions,
  registerPasskey,
  verifyPasskeySignIn,
} from "./passkeys.service.js";
import { createPending, deletePending, findPending, setChallenge, takeChallenge } from "./pending.queries.js";
import { completeSignIn, secondStepPage } from "./second-step.pages.js";
import { accountTwoFactorPage, recoveryCodesPage } from "./two-factor.pages.js";

const failed = "The passkey could not be checked. Please try again, or sign in with your password.";

/** The options a browser needs to make a passkey for the signed-in person. */
async function registrationOptions(c: AppContext) {
  const me = requirePerson(c);
  const deps = c.var.deps;
  const options = await passkeyRegistrationOptions(deps, me);
  const token = await createPending(
    deps.db,
    { purpose: "passkey-register", personId: me.id, challenge: options.challenge },
    deps.now(),
  );
  setWebauthnCookie(c, token);
  return c.json(options);
}

/** Checks and keeps the passkey the browser made; the first factor of someone brings their recovery codes. */
async function savePasskey(c: AppContext) {
  const me = requirePerson(c);
  const deps = c.var.deps;
  const body = await parseForm(c);
  // Without JavaScript the browser sends the form with no passkey: nothing to add.
  if (!String(body.response ?? "")) return c.redirect(`${ENROL_PATH}?problem=passkey`, 303);
  const token = readCookie(c, WEBAUTHN_COOKIE);
  const p = await findPending(deps.db, token, "passkey-register", deps.now());
  const challenge = p?.personId === me.id && token ? await takeChallenge(deps.db, token) : null;
  if (token) await deletePending(deps.db, token);
  dropCookie(c, WEBAUTHN_COOKIE);
  try {
    const codes = await registerPasskey(deps, me, body, challenge);
    return codes
      ? recoveryCodesPage(c, codes, "Your passkey was added.")
      : c.redirect(`${ENROL_PATH}?done=passkey`, 303);
  } catch (e) {
    const fields = (e as { fields?: Record<string, string> }).fields;
    if (!fields) throw e;
    return accountTwoFactorPage(c, { passkeyError: fields.name ?? fields.response ?? failed }, 422);
  }
}

async function deleteOwnPasskey(c: AppContext) {
  try {
    await deletePasskey(c.var.deps, requirePerson(c), idParam(c.req.param("id")));
  } catch (e) {
    // The last factor of a role that requires two: say so on the page instead of an error page.
    if (e instanceof AppError && e.code === "conflict") return c.redirect(`${ENROL_PATH}?problem=last`, 303);
    throw e;
  }
  return c.redirect(`${ENROL_PATH}?done=passkey-deleted`, 303);
}

/** The options for a sign-in with a passkey alone. */
async function signInOptions(c: AppContext) {
  const deps = c.var.deps;
  // Anyone may ask, and each answer stores a challenge: an address may ask so often, no more.
  if (!(await mayStartSignIn(deps.db, clientAddress(c), deps.now()))) {
    throw new AppError(
      "rate_limited",
      "Too many sign-ins were started from your network. Try again in 15 minutes.",
    );
  }
  const options = await passkeySignInOptions(deps, null);
  const token = await createPending(
    deps.db,
    { purpose: "passkey-sign-in", personId: null, challenge: options.challenge },
    deps.now(),
  );
  setWebauthnCookie(c, token);
  return c.json(options);
}

async function signInWithPasskey(c: AppContext) {
  const deps = c.var.deps;
  const body = await parseForm(c);
  const token = readCookie(c, WEBAUTHN_COOKIE);
  const p = await findPending(deps.db, token, "passkey-sign-in", deps.now());
  const challenge = p && token ? await takeChallenge(deps.db, token) : null;
  if (token) await deletePending(deps.db, token);
  dropCookie(c, WEBAUTHN_COOKIE);
  const personId = await verifyPasskeySignIn(deps, body.response, challenge, null);
  if (personId === null) return signInPage(c, { next: String(body.next ?? ""), message: failed }, 422);
  return completeSignIn(c, personId, String(body.next ?? ""), "passkey");
}

/** The options for a passkey as the second step of a sign-in under way. */
async function secondStepOptions(c: AppContext) {
  const deps = c.var.deps;
  const token = readCookie(c, SECOND_STEP_COOKIE);
  const p = await findPending(deps.db, token, "second-step", deps.now());
  if (!p?.personId || !token) return c.json({ error: { code: "not_found", message: "Start again." } }, 404);
  const options = await passkeySignInOptions(deps, p.personId);
  await setChallenge(deps.db, token, options.challenge);
  return c.json(options);
}

async function secondStepWithPasskey(c: AppContext) {
  const deps = c.var.deps;
  const body = await parseForm(c);
  const token = readCookie(c, SECOND_STEP_COOKIE);
  const p = await findPending(deps.db, token, "second-step", deps.now());
  if (!p?.personId || !token) return c.redirect("/sign-in?expired=1", 303);
  const challenge = await takeChallenge(deps.db, token);
  const personId = await verifyPasskeySignIn(deps, body.response, challenge, p.personId);
  if (personId === null) return secondStepPage(c, p.personId, failed, 422);
  return completeSignIn(c, personId, p.next, "two-factor passkey");
}

/** Passkeys: adding and deleting them, and signing in with one (passwordless, or as the second step). */
export const passkeyPages = pageGroup([
  ["POST", "/private/account/passkeys/options", registrationOptions],
  ["POST", "/private/account/passkeys", savePasskey],
  ["POST", "/private/account/passkeys/:id/delete", deleteOwnPasskey],
  ["POST", "/sign-in/passkey/options", signInOptions],
  ["POST", "/sign-in/passkey", signInWithPasskey],
  ["POST", "/sign-in/second-step/passkey/options", secondStepOptions],
  ["POST", "/sign-in/second-step/passkey", secondStepWithPasskey],
]);
