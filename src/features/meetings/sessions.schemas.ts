// Zod with `.openapi()`: the API documents its request bodies with these schemas.

import { z } from "@hono/zod-openapi";
import { optionalText } from "../../kit/zod.js";
import { localTime } from "./meetings.schemas.js";

/** Optional text; empty or null (the API's "none") becomes null. */

/**
 * A session as the secretariat enters it (form or API). Times are local to `timeZone`, which
 * defaults to the meeting's; the service resolves them against the meeting (see domain/meeting-sessions.ts).
 */
export const sessionInput = z.object({
  title: z.string().trim().min(2, "Enter the session's title.").max(200, "Use at most 200 characters."),
  start: localTime.meta({ description: "local time, YYYY-MM-DDTHH:MM", example: "2031-03-29T09:00" }),
  end: localTime.meta({ example: "2031-03-29T12:30" }),
  timeZone: optionalText(64).meta({
    description: "zone of `start` and `end`; the meeting's when left out",
    example: "Europe/Paris",
  }),
  place: optionalText(200).meta({ description: "room or online note; the meeting's place when empty" }),
  description: z
    .string()
    .trim()
    .max(2000, "Use at most 2,000 characters.")
    .nullish()
    .transform((v) => v ?? ""),
});
