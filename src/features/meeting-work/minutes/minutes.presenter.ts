import { z } from "@hono/zod-openapi";
import type { MinutesVersion } from "./minutes.queries.js";

/** A version of a meeting's minutes in the API, and its approval. */
export const MinutesSchema = z
  .object({
    version: z.number(),
    text: z.string().openapi({ description: "Markdown" }),
    author: z.string(),
    savedAt: z.string(),
    approvedAt: z.string().nullable(),
    approvingMeeting: z.string().nullable().openapi({ description: "slug of the meeting that approved it" }),
    approvedBy: z.string().nullable(),
  })
  .openapi("MinutesVersion");

/** A version of the minutes for the API. */
export const minutesJson = (v: MinutesVersion): z.infer<typeof MinutesSchema> => ({
  version: v.version,
  text: v.text,
  author: v.authorName,
  savedAt: v.createdAt.toISOString(),
  approvedAt: v.approvedAt?.toISOString() ?? null,
  approvingMeeting: v.approvingSlug,
  approvedBy: v.approvedByName,
});
