import type { Context } from "hono";
import type { Deps } from "../deps.js";
import type { Actor } from "./actor.js";

/** Hono's typed context for this app: per-request values set by middleware. */
export type AppEnv = {
  Variables: {
    requestId: string;
    actor: Actor;
    /** The session token from the cookie, when the request carried a valid one. */
    sessionToken?: string;
    /** When that session ends: pages kept for it (cache.ts) are not served after. */
    sessionExpiresAt?: Date;
    /** Returns this browser's CSRF token, setting its nonce cookie on first use. */
    csrfToken: () => string;
    deps: Deps;
  };
};

export type AppContext = Context<AppEnv>;
