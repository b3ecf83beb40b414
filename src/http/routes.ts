import { Hono } from "hono";
import type { AppContext, AppEnv } from "./env.js";

/** One page: its method, its path (in Hono's syntax) and the named handler that answers it. */
export type PageRoute = readonly ["GET" | "POST", string, (c: AppContext) => Response | Promise<Response>];

/**
 * A group of pages from a short table of named handlers, tried in the table's order: what a
 * `Feature` lists under `pages`. The table alone tells every address the group answers.
 */
export function pageGroup(routes: readonly PageRoute[]): () => Hono<AppEnv> {
  return () => {
    const app = new Hono<AppEnv>();
    for (const [method, path, handler] of routes) app.on(method, path, (c) => handler(c));
    return app;
  };
}
