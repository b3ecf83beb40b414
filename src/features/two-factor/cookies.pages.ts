import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext } from "../../http/env.js";
import { PENDING_MINUTES } from "./pending.queries.js";

/** Where a person whose role requires two factors is sent until they have one. */
export const ENROL_PATH = "/private/account/two-factor";

/** The half-done sign-in awaiting its second factor. */
export const SECOND_STEP_COOKIE = "isecg_second_step";
/** A passkey ceremony (a passwordless sign-in or a new passkey) in progress. */
export const WEBAUTHN_COOKIE = "isecg_webauthn";

const set = (c: AppContext, name: string, token: string) =>
  setCookie(c, name, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: c.var.deps.config.secureCookies,
    path: "/",
    maxAge: PENDING_MINUTES * 60,
  });

/** Sets the second-step cookie (five minutes). */
export const setSecondStepCookie = (c: AppContext, token: string) => set(c, SECOND_STEP_COOKIE, token);
/** Sets the passkey ceremony cookie (five minutes). */
export const setWebauthnCookie = (c: AppContext, token: string) => set(c, WEBAUTHN_COOKIE, token);
/** Reads a cookie of this feature. */
export const readCookie = (c: AppContext, name: string) => getCookie(c, name);
/** Removes a cookie of this feature. */
export const dropCookie = (c: AppContext, name: string) => deleteCookie(c, name, { path: "/" });
