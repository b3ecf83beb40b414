import type { Hono } from "hono";
import type { AppEnv } from "./env.js";
import type { Api } from "./openapi.js";

/** One capability as `app.ts` mounts it: its groups of pages, then its JSON endpoints. */
export type Feature = {
  /** Tried in this order: a group with fixed paths comes before one that takes a slug there. */
  pages: Array<() => Hono<AppEnv>>;
  /** Registers endpoints under `/api/v1`. */
  api?: Array<(api: Api) => void>;
};
