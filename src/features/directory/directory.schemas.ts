// Zod with `.openapi()`: the API documents its request bodies with these schemas.

import { z } from "@hono/zod-openapi";
import { roles } from "../../db/schema/index.js";
import { optionalText } from "../../kit/zod.js";
import { newPasswordSchema } from "../auth/auth.schemas.js";

export type Precision = "year" | "month" | "day";

/** A date known to a year, a month or a day: "2019", "2020-12" or "2015-10-05". */
export const partialDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "Use YYYY, YYYY-MM or YYYY-MM-DD.")
  .transform((value, ctx) => {
    const [y, m = "01", d = "01"] = value.split("-");
    const iso = `${y}-${m}-${d}`;
    const parsed = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
      ctx.addIssue({ code: "custom", message: "This is not a real date." });
      return z.NEVER;
    }
    const precision: Precision = value.length === 4 ? "year" : value.length === 7 ? "month" : "day";
    return { date: iso, precision };
  });

const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .refine(
    (v) => v === null || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v),
    "Enter a full web address starting with https://.",
  );

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const organisationKinds = ["space_agency", "government_organisation"] as const;
export const kindLabels = {
  space_agency: "Space agency",
  government_organisation: "Government organisation",
};

const membershipRuleMessage =
  "Only space agencies and government organisations responsible for space can be members; individuals cannot.";

/** What the secretariat enters for a member organisation. */
export const organisationInput = z.object({
  acronym: z
    .string()
    .trim()
    .min(2, "Enter the acronym (at least 2 characters).")
    .max(20, "Use at most 20 characters.")
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} .&-]*$/u, "Use letters, digits, spaces, dots, '&' or hyphens."),
  name: z
    .string()
    .trim()
    .min(3, "Enter the organisation's full name.")
    .max(200, "Use at most 200 characters."),
  nativeName: optionalText(200),
  country: z.string().trim().min(2, "Enter the country.").max(100, "Use at most 100 characters."),
  kind: z
    .enum(organisationKinds, { error: membershipRuleMessage })
    .meta({ description: "individuals cannot be members" }),
  intergovernmental: checkbox,
  founding: checkbox,
  joined: partialDate.meta({ example: "2021-06" }),
  joinedUncertain: checkbox,
  joinNote: optionalText(1000),
  leftOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^\d{4}-\d{2}-\d{2}$/.test(v), "Use YYYY-MM-DD."),
  website: optionalUrl,
  logoUrl: optionalUrl,
  description: optionalText(2000),
  notes: optionalText(2000),
});
export type OrganisationInput = z.infer<typeof organisationInput>;

/** What a focal point may change about their own agency. */
export const agencyProfileInput = organisationInput.pick({ website: true, logoUrl: true, description: true });

/** What the secretariat enters for a person. */
export const personInput = z
  .object({
    name: z.string().trim().min(2, "Enter the person's name.").max(200, "Use at most 200 characters."),
    email: z.string().trim().max(320).email("Enter a valid e-mail address."),
    organisation: optionalText(20).meta({ description: "member acronym; omit only for secretariat staff" }),
    jobTitle: optionalText(200),
    roles: z
      .union([z.enum(roles), z.array(z.enum(roles))], { error: "Choose a valid role." })
      .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
      .refine((v) => v.length > 0, "Choose at least one role."),
    active: checkbox,
    password: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(newPasswordSchema.nullable()),
  })
  .refine((p) => p.organisation !== null || p.roles.includes("secretariat"), {
    path: ["organisation"],
    message: "Choose the person's member organisation: individuals cannot be members on their own.",
  });
export type PersonInput = z.infer<typeof personInput>;

export const certainties = ["confirmed", "likely", "uncertain"] as const;

/** A chair term as the secretariat enters it. */
export const chairTermInput = z
  .object({
    organisation: z.string().trim().min(1, "Choose the chairing agency."),
    from: partialDate,
    to: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(partialDate.optional()),
    person: optionalText(200),
    certainty: z.enum(certainties, { error: "Choose how certain this term is." }),
    note: optionalText(1000),
  })
  .refine((t) => !t.to || t.to.date >= t.from.date, {
    path: ["to"],
    message: "The end must not be before the start.",
  });
