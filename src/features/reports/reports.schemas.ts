import { z } from "zod";

/** A report's year in an address or a form: four digits in the range the database accepts. */
export const reportYear = z.coerce
  .number({ message: "Enter a year such as 2024." })
  .int("Enter a year such as 2024.")
  .min(1990, "Enter a year from 1990 on.")
  .max(2200, "Enter a year before 2200.");

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
  .refine((v) => !Number.isNaN(Date.parse(v)), "Enter a real date.");

/** A list of slugs typed one per line or separated by commas. */
const slugList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    [v ?? ""]
      .flat()
      .flatMap((s) => s.split(/[\s,]+/))
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use publication slugs such as annual-report-2022."),
    ),
  );

/** What the secretariat sets for a report: the members' date and the curated lists. */
export const reportSettingsInput = z.object({
  membersAsOf: day,
  majorDocuments: slugList,
  omitPublications: slugList,
  statisticsPublic: z
    .union([z.boolean(), z.string()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});

/** Starting a report: the year. */
export const newReportInput = z.object({ year: reportYear });

/** The fixed narrative parts, in the order of the report. */
export const fixedParts = ["introduction", "executive-summary", "highlights", "events"] as const;
export type FixedPart = (typeof fixedParts)[number];

export const partLabels: Record<FixedPart, string> = {
  introduction: "Introduction (what the forum is)",
  "executive-summary": "Executive summary",
  highlights: "Highlights and achievements",
  events: "Major international events",
};

/** A part name: a fixed part or `outlook:<group slug>`. */
export const reportPart = z
  .string()
  .regex(
    /^(introduction|executive-summary|highlights|events|outlook:[a-z0-9]+(-[a-z0-9]+)*)$/,
    "No such part.",
  );

/** A narrative part's text. Empty is allowed: the part is then left out. */
export const reportTextInput = z.object({
  body: z
    .string()
    .max(50_000, "Use at most 50,000 characters.")
    .transform((v) => v.replaceAll("\r\n", "\n").trim()),
});

/** The command line's and the API's choice of output. */
export const reportFormat = z.enum(["html", "md", "pdf", "json"], { message: "Use html, md, pdf or json." });
export type ReportFormat = z.infer<typeof reportFormat>;
