import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/env.js";
import { AppError } from "../../http/errors.js";
import { ENROL_PATH } from "./cookies.pages.js";

/** What a session that must enrol may still reach: enrolment itself, the assets, and signing out. */
const OPEN = [ENROL_PATH, "/private/account/passkeys", "/sign-out", "/assets/"];

/**
 * A person whose role requires two factors and who has none was signed in with a session that may
 * only enrol: every other page sends them to enrolment, every other change is refused.
 */
export function enrolmentGate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.var.actor;
    if (actor.kind !== "person" || !actor.mustEnrol || OPEN.some((p) => c.req.path.startsWith(p)))
      return next();
    if (c.req.method === "GET" || c.req.method === "HEAD") return c.redirect(ENROL_PATH, 303);
    throw new AppError("forbidden", "Your role requires two-factor sign-in: set it up first.");
  };
}
