import { z } from "zod";
import { groupKinds } from "../../db/schema/index.js";
import { optionalText } from "../../kit/zod.js";
import { partialDate } from "../directory/directory.schemas.js";

export const groupKindLabels: Record<(typeof groupKinds)[number], string> = {
  working_group: "Working group",
  tiger_team: "Tiger team",
  assessment_team: "Assessment team",
};

const optionalPartialDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(partialDate.optional());

const isoDay = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine(
      (v) =>
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      "This is not a real date.",
    );

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** A group as the secretariat (or its chair) enters it. */
export const groupInput = z
  .object({
    name: z.string().trim().min(3, "Enter the group's name.").max(200, "Use at most 200 characters."),
    acronym: optionalText(30),
    kind: z.enum(groupKinds, { error: "Choose working group, tiger team or assessment team." }),
    charter: z.string().trim().max(20_000, "Use at most 20,000 characters.").default(""),
    started: optionalPartialDate,
    ended: optionalPartialDate,
    uncertain: checkbox,
    uncertainNote: optionalText(1000),
  })
  .refine((g) => !g.started || !g.ended || g.ended.date >= g.started.date, {
    path: ["ended"],
    message: "The end must not be before the start.",
  });

/** An agency joining a group. */
export const joinInput = z.object({
  organisation: z.string().trim().min(1, "Choose the agency."),
  joined: isoDay("Use YYYY-MM-DD."),
  note: optionalText(500),
});

/** An agency leaving a group: the membership is closed, not deleted. */
export const leaveInput = z.object({ left: isoDay("Use YYYY-MM-DD.") });

/** A chair: a person on the platform, or a free-text label where no person is known. */
export const chairInput = z
  .object({
    person: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    label: optionalText(200),
  })
  .refine((c) => c.person !== undefined || c.label !== null, {
    path: ["person"],
    message: "Choose a person, or name the chairing agencies.",
  });

/** A URL segment from a name: "Benefits Tiger Team" -> "benefits-tiger-team". */
export function groupSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}
