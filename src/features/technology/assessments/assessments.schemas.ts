import { z } from "zod";
import { type AssessmentStatus, assessmentStatuses } from "../../../db/schema/index.js";

export const assessmentStatusLabels: Record<AssessmentStatus, string> = {
  planned: "Planned",
  ongoing: "Ongoing",
  published: "Published",
};

const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "Use YYYY, YYYY-MM or YYYY-MM-DD.");

/** `technology-assessments.json`: the gap assessments the forum ships with. */
export const datasetAssessments = z.object({
  note: z.string().optional(),
  assessments: z.array(
    z.object({
      slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
      title: z.string().min(1),
      status: z.enum(assessmentStatuses),
      started: partialDate.nullable(),
      ended: partialDate.nullable(),
      scope: z.string(),
      findings: z.string(),
      recommendations: z.string(),
      agencies: z.array(z.string()),
      technologies: z.array(z.string()),
      /** Slug of the publication holding the report, when there is one. */
      publication: z.string().nullable(),
      uncertain: z.boolean(),
      uncertainNote: z.string().nullable(),
      sources: z.array(z.string()),
    }),
  ),
});
export type DatasetAssessments = z.infer<typeof datasetAssessments>;

const lines = (v: string | string[] | undefined) => (v === undefined ? [] : [v].flat().filter(Boolean));
/** An optional date typed as YYYY, YYYY-MM or YYYY-MM-DD, stored as its first day (YYYY-MM-DD) or null. */
const optionalDate = z
  .string()
  .trim()
  .regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/, "Enter a year (2023), a month (2023-06) or a day (2023-06-30).")
  .transform((v) => (v ? [...v.split("-"), "01", "01"].slice(0, 3).join("-") : null))
  .refine((v) => v === null || !Number.isNaN(Date.parse(v)), "This date does not exist.")
  .default(null);

/** An assessment's period in years, e.g. "2019–2021", "2023–" (still running) or "dates not known". */
export const assessmentPeriod = (a: { startedOn: string | null; endedOn: string | null }) =>
  a.startedOn || a.endedOn
    ? `${a.startedOn?.slice(0, 4) ?? "?"}–${a.endedOn?.slice(0, 4) ?? ""}`
    : "dates not known";

/** How a stored date is shown in the form: the year alone when it is the first of January. */
export const dateFieldValue = (iso: string | null) =>
  !iso ? "" : iso.endsWith("-01-01") ? iso.slice(0, 4) : iso;

/** What the secretariat enters for an assessment (form and API). */
export const assessmentInput = z
  .object({
    title: z.string().trim().min(3, "Enter a title of at least 3 characters.").max(200),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens.")
      .max(80),
    status: z.enum(assessmentStatuses, { error: "Choose planned, ongoing or published." }),
    scope: z.string().trim().max(5000).default(""),
    startedOn: optionalDate,
    endedOn: optionalDate,
    findings: z.string().trim().max(20000).default(""),
    recommendations: z.string().trim().max(20000).default(""),
    agencies: z.preprocess(lines, z.array(z.string().regex(/^\d+$/)).max(100)),
    technologies: z.preprocess(lines, z.array(z.string().regex(/^\d+$/)).max(500)),
    publication: z
      .string()
      .trim()
      .regex(/^(\d+)?$/, "Choose a publication from the list.")
      .transform((v) => (v ? Number(v) : null))
      .default(null),
    uncertain: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
    uncertainNote: z
      .string()
      .trim()
      .max(1000)
      .transform((v) => v || null)
      .default(null),
  })
  .superRefine((v, ctx) => {
    if (v.startedOn && v.endedOn && v.endedOn < v.startedOn)
      ctx.addIssue({ code: "custom", path: ["endedOn"], message: "The end cannot be before the start." });
    if (v.status === "published" && v.publication === null)
      ctx.addIssue({
        code: "custom",
        path: ["publication"],
        message: "A published assessment links to the publication that holds its report.",
      });
  });
export type AssessmentInput = z.infer<typeof assessmentInput>;

/** The public level of detail of the technology heat map, set by the secretariat. */
export const publicDetailLevels = ["list", "agencies", "trl"] as const;
export type PublicDetail = (typeof publicDetailLevels)[number];
export const publicDetailLabels: Record<PublicDetail, string> = {
  list: "The list only: no heat map in public",
  agencies: "Who works on what, without TRLs",
  trl: "TRLs and gaps, as in the private area",
};
export const publicDetailInput = z.object({
  level: z.enum(publicDetailLevels, { error: "Choose one of the levels." }),
});
