import { z } from "zod";
import { localTime } from "./meetings.schemas.js";

/** Optional text; empty or null (the API's "none") becomes null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * A session as the secretariat enters it (form or API). Times are local to `timeZone`, which
 * defaults to the meeting's; the service resolves them against the meeting (see domain/meeting-sessions.ts).
 */
export const sessionInput = z.object({
  title: z.string().trim().min(2, "Enter the session's title.").max(200, "Use at most 200 characters."),
  start: localTime,
  end: localTime,
  timeZone: optionalText(64),
  place: optionalText(200),
  description: z
    .string()
    .trim()
    .max(2000, "Use at most 2,000 characters.")
    .nullish()
    .transform((v) => v ?? ""),
});
export type SessionInput = z.infer<typeof sessionInput>;
