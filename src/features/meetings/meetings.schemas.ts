// Zod with `.openapi()`: the API documents its request bodies with these schemas.

import { z } from "@hono/zod-openapi";
import { meetingKinds, meetingModes } from "../../db/schema/index.js";
import { isTimeZone, zonedToInstant } from "../../domain/time-zones.js";
import { optionalText } from "../../kit/zod.js";

export const meetingKindLabels: Record<(typeof meetingKinds)[number], string> = {
  sam_meeting: "Senior Agency Managers meeting",
  workshop: "Workshop",
  group_meeting: "Group meeting",
  teleconference: "Teleconference",
};
export const meetingModeLabels: Record<(typeof meetingModes)[number], string> = {
  in_person: "In person",
  virtual: "Virtual",
  hybrid: "Hybrid",
};

// A form sends "" for an empty field, the API null: both mean none.

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** A local wall-clock time, "YYYY-MM-DDTHH:MM". */
export const localTime = z
  .string({ error: "Enter the date and time." })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/, "Use YYYY-MM-DD HH:MM, local time at the meeting.");

/** A meeting's fields as the secretariat or a group's chair enters them; times are local to `timeZone`. */
export const meetingFields = z.object({
  title: z.string().trim().min(3, "Enter the meeting's title.").max(200, "Use at most 200 characters."),
  kind: z.enum(meetingKinds, { error: "Choose the kind of meeting." }),
  host: optionalText(20).meta({ description: "member acronym", example: "ESA" }),
  place: optionalText(200),
  start: localTime.meta({
    description: "local time at the meeting, YYYY-MM-DDTHH:MM",
    example: "2031-03-29T09:00",
  }),
  end: localTime.meta({ example: "2031-03-30T17:00" }),
  timeZone: z
    .string()
    .trim()
    .min(1, "Enter the time zone, e.g. Europe/Berlin.")
    .meta({ example: "Europe/Paris" }),
  mode: z.enum(meetingModes, { error: "Choose in person, virtual or hybrid." }),
  videoUrl: optionalText(500).refine(
    (v) => v === null || /^https:\/\/[^\s]+$/.test(v),
    "Enter a full web address starting with https://.",
  ),
  group: optionalText(100).meta({ description: "group slug; required for group meetings" }),
  summary: z.string().trim().max(20_000, "Use at most 20,000 characters.").default(""),
  public: checkbox,
  uncertain: checkbox,
  uncertainNote: optionalText(1000),
});

/** A meeting as entered, checked as a whole: a known time zone, real times in order, a group when needed. */
export const meetingInput = meetingFields.transform((m, ctx) => {
  if (!isTimeZone(m.timeZone)) {
    ctx.addIssue({
      code: "custom",
      path: ["timeZone"],
      message: `${m.timeZone} is not a known time zone; use a name such as Europe/Berlin or UTC.`,
    });
    return z.NEVER;
  }
  const startsAt = zonedToInstant(m.start, m.timeZone);
  const endsAt = zonedToInstant(m.end, m.timeZone);
  if (!startsAt)
    ctx.addIssue({ code: "custom", path: ["start"], message: "This is not a real date and time." });
  if (!endsAt) ctx.addIssue({ code: "custom", path: ["end"], message: "This is not a real date and time." });
  if (!startsAt || !endsAt) return z.NEVER;
  if (endsAt.getTime() < startsAt.getTime()) {
    ctx.addIssue({ code: "custom", path: ["end"], message: "The end must not be before the start." });
    return z.NEVER;
  }
  if (m.kind === "group_meeting" && !m.group) {
    ctx.addIssue({ code: "custom", path: ["group"], message: "Choose the group this meeting belongs to." });
    return z.NEVER;
  }
  return { ...m, startsAt, endsAt };
});

/** The agencies that attended, as acronyms (repeated form fields or a JSON array). */
export const attendanceInput = z.object({
  agencies: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))]),
  reportedAttendance: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^\d{1,4}$/.test(v), "Enter a whole number of agencies.")
    .transform((v) => (v === null ? null : Number(v))),
});
