// Zod with `.openapi()`: the API documents its request bodies with these schemas.

import { z } from "@hono/zod-openapi";
import {
  type CommentCategory,
  commentCategories,
  type Disposition,
  dispositions,
  type PositionKind,
  type ProductKind,
  positionKinds,
  productKinds,
  type SilenceMeaning,
  silenceMeanings,
} from "../../db/schema/index.js";
import { isTimeZone, zonedToInstant } from "../../domain/time-zones.js";
import { optionalText } from "../../kit/zod.js";

export const productKindLabels: Record<ProductKind, string> = {
  global_exploration_roadmap: "Roadmap edition",
  ger_supplement: "Roadmap supplement",
  white_paper: "White paper",
  technology_assessment: "Technology assessment",
  annual_report: "Annual report",
  terms_of_reference: "Terms of reference",
  other: "Other",
};
export const categoryLabels: Record<CommentCategory, string> = {
  editorial: "Editorial",
  technical: "Technical",
  major: "Major",
};
export const dispositionLabels: Record<Disposition, string> = {
  accepted: "Accepted",
  accepted_with_changes: "Accepted with changes",
  rejected: "Rejected",
  noted: "Noted",
};
export const positionLabels: Record<PositionKind, string> = {
  concur: "Concur",
  concur_with_comments: "Concur with comments",
  non_concur: "Non-concur",
  abstain: "Abstain",
};
export const silenceLabels: Record<SilenceMeaning, string> = {
  concur: "Silence counts as concurrence",
  abstain: "Silence counts as abstention",
  non_concur: "Silence counts as non-concurrence",
};

/** Agency acronyms from repeated form fields, one string, or a JSON array. */
const acronyms = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    [
      ...new Set(
        [v ?? []]
          .flat()
          .flatMap((s) => s.split(/[\s,]+/))
          .filter(Boolean),
      ),
    ].map((s) => s.toUpperCase()),
  );

const slugRule = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A product as its editors enter it. */
export const productInput = z.object({
  title: z.string().trim().min(3, "Enter the product's title.").max(200, "Use at most 200 characters."),
  slug: optionalText(80).refine(
    (v) => v === null || slugRule.test(v),
    "Use lower-case letters, digits and hyphens.",
  ),
  kind: z.enum(productKinds, { error: "Choose the kind of product." }),
  leadGroup: z
    .string({ error: "Choose the lead working group." })
    .trim()
    .min(1, "Choose the lead working group."),
  agencies: acronyms.refine((v) => v.length > 0, "Choose at least one participating agency."),
});
export type ProductInput = z.infer<typeof productInput>;

/** A new version's text and what changed. */
export const versionInput = z.object({
  body: z
    .string({ error: "Enter the text." })
    .trim()
    .min(1, "Enter the text of the version.")
    .max(500_000, "Use at most 500,000 characters."),
  note: z.string().trim().max(2000, "Use at most 2,000 characters.").default(""),
});

const localTime = z
  .string({ error: "Enter the deadline." })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/, "Use YYYY-MM-DD HH:MM.");

const hidden = z
  .union([z.boolean(), z.enum(["hidden", "visible", "on", "true", "false"])])
  .optional()
  .transform((v) => v === undefined || v === true || v === "hidden" || v === "on" || v === "true");

/** A round as editors open it: the version, a deadline in a time zone, who takes part, the settings. */
export const roundInput = z
  .object({
    version: z.coerce
      .number({ error: "Choose the version." })
      .int("Choose the version.")
      .positive("Choose the version."),
    deadline: localTime.meta({ description: "local time in timeZone", example: "2027-03-01T17:00" }),
    timeZone: z
      .string()
      .trim()
      .min(1, "Enter the time zone, e.g. Europe/Paris.")
      .default("UTC")
      .meta({ example: "Europe/Paris" }),
    agencies: acronyms.meta({ description: "member acronyms; default: the product's" }),
    silenceMeans: z.enum(silenceMeanings, { error: "Choose what silence means." }).default("abstain"),
    hidePositions: hidden,
  })
  .transform((r, ctx) => {
    if (!isTimeZone(r.timeZone)) {
      ctx.addIssue({ code: "custom", path: ["timeZone"], message: "This is not a known time zone." });
      return z.NEVER;
    }
    const at = zonedToInstant(r.deadline, r.timeZone);
    if (!at) {
      ctx.addIssue({ code: "custom", path: ["deadline"], message: "This date does not exist." });
      return z.NEVER;
    }
    return { ...r, deadlineAt: at };
  });

/** A review comment, in the style of a review item discrepancy. */
export const commentInput = z.object({
  section: z
    .string({ error: "Choose the section." })
    .trim()
    .min(1, "Choose the section.")
    .meta({ description: "a section anchor of the round's version; whole-document for the document" }),
  category: z.enum(commentCategories, { error: "Choose editorial, technical or major." }),
  text: z
    .string({ error: "Write the comment." })
    .trim()
    .min(1, "Write the comment.")
    .max(10_000, "Use at most 10,000 characters."),
  proposedFrom: optionalText(10_000),
  proposedTo: optionalText(10_000),
});

/** An editor's disposition of a comment; rejecting needs a rationale. */
export const dispositionInput = z
  .object({
    disposition: z.enum(dispositions, { error: "Choose a disposition." }),
    rationale: optionalText(10_000),
  })
  .refine((d) => d.disposition !== "rejected" || d.rationale !== null, {
    path: ["rationale"],
    message: "Give the rationale for rejecting the comment.",
  });

/** Comment numbers from a form ("14, 31"), one number, or a JSON array. */
const commentNumbers = z
  .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))])
  .optional()
  .transform((v, ctx) => {
    const parts = [v ?? []]
      .flat()
      .flatMap((x) => String(x).split(/[\s,;]+/))
      .filter(Boolean);
    const numbers = parts.map((x) => Number(x.replace(/^#/, "")));
    if (numbers.some((n) => !Number.isSafeInteger(n) || n <= 0)) {
      ctx.addIssue({ code: "custom", message: "List comment numbers, e.g. 14, 31." });
      return z.NEVER;
    }
    return [...new Set(numbers)].sort((a, b) => a - b);
  });

/** An agency's position; non-concurring needs a rationale, and may name the comments it waits for. */
export const positionInput = z
  .object({
    position: z.enum(positionKinds, { error: "Choose a position." }),
    rationale: optionalText(10_000),
    comments: commentNumbers.meta({
      description: "for a non-concur or concur with comments: the comments it waits for",
    }),
  })
  .refine((p) => p.position !== "non_concur" || p.rationale !== null, {
    path: ["rationale"],
    message: "Give the rationale for non-concurring.",
  })
  .refine(
    (p) => p.comments.length === 0 || p.position === "non_concur" || p.position === "concur_with_comments",
    {
      path: ["comments"],
      message: "Only a non-concurrence or a concurrence with comments depends on comments.",
    },
  );

/**
 * The agency a comment, a position or an answer to a disposition names, if any. `namedAgency` reads it
 * (or `organisation`, `agencyId` …) before the policy, so that naming another agency is a 403; the API
 * documents it with this field.
 */
export const namedAgencyInput = z.object({ agency: z.string().optional().meta({ example: "ESA" }) });

/** What the secretariat adds when it records a position an agency sent it (by e-mail, in a letter …). */
export const onBehalfInput = z.object({
  evidence: z
    .string()
    .trim()
    .max(5000, "Use at most 5000 characters.")
    .nullish()
    .transform((v) => (v ? v : null))
    .meta({ description: "the secretariat only: how the agency gave the position (required with agency)" }),
});

/** The commenting agency's answer to a disposition; contesting needs a note. */
export const responseInput = z
  .object({
    response: z.enum(["accepted", "contested"], {
      error: "Choose whether your agency accepts or contests it.",
    }),
    note: z
      .string()
      .trim()
      .max(5000, "Use at most 5000 characters.")
      .nullish()
      .transform((v) => (v ? v : null))
      .meta({ description: "required when contesting" }),
  })
  .refine((r) => r.response === "accepted" || r.note !== null, {
    path: ["note"],
    message: "Say why your agency contests the disposition.",
  });

/** A slug from a title: lower-case words joined by hyphens. */
export const productSlug = (title: string) =>
  title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
