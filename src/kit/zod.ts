import { z } from "@hono/zod-openapi";

/** Optional text of at most `max` characters: trimmed, and null when left empty or left out. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullish()
    .transform((v) => (v ? v : null));
