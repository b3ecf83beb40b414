// Zod with `.openapi()`: the API documents its request bodies with these schemas.
import { z } from "@hono/zod-openapi";
import {
  type DatePrecision,
  type Destination,
  datePrecisions,
  destinations,
  type MissionStatus,
  missionStatuses,
} from "../../db/schema/index.js";
import { parseAtPrecision, precisionFormats } from "../../domain/mission-dates.js";
import type { MissionValues } from "./roadmap.presenter.js";

export const destinationLabels: Record<Destination, string> = {
  leo: "Low Earth orbit",
  cislunar: "Cislunar space",
  lunar_orbit: "Lunar orbit",
  lunar_surface: "Lunar surface",
  mars: "Mars",
  small_bodies: "Small bodies",
  other: "Other",
};

export const statusLabels: Record<MissionStatus, string> = {
  operating: "Operating",
  funded: "Funded",
  in_formulation: "In formulation",
  concept: "Concept",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const precisionLabels: Record<DatePrecision, string> = {
  year: "Year",
  quarter: "Quarter",
  month: "Month",
  day: "Day",
};

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

/** The trimmed, non-empty items of a string or strings, each split by `separator` if given. */
function items(v: string | string[] | null | undefined, separator?: RegExp): string[] {
  const out: string[] = [];
  for (const text of v == null ? [] : typeof v === "string" ? [v] : v) {
    // Most items hold no separator: skip the split (imports run this 100,000 times per field).
    for (const part of separator?.test(text) ? text.split(separator) : [text]) {
      const item = part.trim();
      if (item) out.push(item);
    }
  }
  return out;
}

/** A list from an array or from text with one item per line. */
const list = (maxItems: number, maxLength: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .nullable()
    .transform((v) => items(v, /\r?\n/))
    .refine((v) => v.length <= maxItems, `List at most ${maxItems} items.`)
    .refine((v) => v.every((s) => s.length <= maxLength), `Keep each item under ${maxLength} characters.`);

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const precision = z
  .union([z.enum(datePrecisions), z.literal("")], { error: "Choose year, quarter, month or day." })
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

const slugRule = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** GER objective codes ("G4.1"); left out means "keep as they are", an empty field means none. */
const objectiveCodes = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? undefined : [...new Set(items(v, /[\s,]+/))]))
  .refine((v) => v === undefined || v.length <= 100, "Choose at most 100 objectives.");

/** A mission's fields as a form or the API sends them; dates are written at their precision ("2027-Q3"). */
export const missionFields = z.object({
  name: z.string().trim().min(2, "Enter the mission's name.").max(200, "Use at most 200 characters."),
  slug: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine(
      (v) => v === null || (slugRule.test(v) && v.length <= 80),
      "Use lower-case letters, digits and hyphens.",
    ),
  lead: text(20),
  leadOther: text(200),
  partners: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [...new Set(items(v))]),
  otherPartners: list(30, 200),
  destination: z.enum(destinations, { error: "Choose a destination from the list." }),
  crewed: checkbox,
  launch: text(20),
  launchPrecision: precision,
  end: text(20),
  endPrecision: precision,
  status: z.enum(missionStatuses, { error: "Choose a status from the list." }),
  instruments: list(60, 200),
  objectives: objectiveCodes,
  studiesPolarVolatiles: checkbox,
  description: text(4000),
  sources: list(30, 500),
  uncertain: checkbox,
  uncertaintyNote: text(2000),
});

/** A mission as sent, with its dates read at their precision and checked in order. */
export const missionInput = missionFields.transform((m, ctx) => {
  const launch = dated(m.launch, m.launchPrecision, "launch", ctx);
  const end = dated(m.end, m.endPrecision, "end", ctx);
  if (launch && end && end.date < launch.date) {
    ctx.addIssue({ code: "custom", path: ["end"], message: "The end must not be before the launch." });
  }
  return { ...m, launch, end };
});
export type MissionInput = z.infer<typeof missionInput>;

function dated(
  value: string | null,
  precision: DatePrecision | null,
  field: "launch" | "end",
  ctx: z.RefinementCtx,
): { date: string; precision: DatePrecision } | null {
  if (!value) return null;
  const label = field === "launch" ? "the launch date" : "the end date";
  if (!precision) {
    ctx.addIssue({ code: "custom", path: [`${field}Precision`], message: `Choose how precise ${label} is.` });
    return null;
  }
  const date = parseAtPrecision(value, precision);
  if (!date) {
    ctx.addIssue({
      code: "custom",
      path: [field],
      message: `Write ${label} as ${precisionFormats[precision]} to match its precision (${precision}), with a real date.`,
    });
    return null;
  }
  return { date, precision };
}

/** A partner's proposal: the mission's fields as proposed, and a note for the lead agency. */
export const proposalNote = z.object({ note: text(2000) });

/** Turns a mission name into its address segment: "Chang'e 6" → "change-6". */
export function missionSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

/** The chart and list filters, read leniently from query parameters (unknown values are ignored). */
export type MissionFilters = {
  agency?: string;
  /** "lead": only the missions the agency leads, not those it is a partner in. */
  role?: "lead";
  destination?: Destination;
  status?: MissionStatus;
  from?: number;
  to?: number;
};

/** Reads `?agency=ESA&destination=mars&status=funded&from=2020&to=2035`. */
export function parseFilters(q: Record<string, string | undefined>): MissionFilters {
  const year = (v?: string) => {
    const n = Number(v);
    return v && Number.isInteger(n) && n >= 1950 && n <= 2100 ? n : undefined;
  };
  const f: MissionFilters = {
    agency: q.agency?.trim() ? q.agency.trim().slice(0, 20) : undefined,
    role: q.role === "lead" ? "lead" : undefined,
    destination: destinations.find((d) => d === q.destination),
    status: missionStatuses.find((s) => s === q.status),
    from: year(q.from),
    to: year(q.to),
  };
  if (f.from && f.to && f.to < f.from) [f.from, f.to] = [f.to, f.from];
  return f;
}

/** The filters back into a query string ("" when none), for links that keep them. */
export function filterQuery(f: MissionFilters): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Each value's name as people write it, for histories ("Changed launch date, status"). */
export const missionFieldLabels: Record<keyof MissionValues, string> = {
  name: "name",
  slug: "address",
  lead: "lead agency",
  leadOther: "non-member lead",
  partners: "partners",
  otherPartners: "other partners",
  destination: "destination",
  crewed: "crewed",
  launch: "launch date",
  launchPrecision: "launch date's precision",
  end: "end date",
  endPrecision: "end date's precision",
  status: "status",
  instruments: "instruments",
  objectives: "objectives",
  studiesPolarVolatiles: "polar volatiles",
  description: "description",
  sources: "sources",
  uncertain: "uncertain",
  uncertaintyNote: "what is uncertain",
};

/** The label of a value's field, or the field itself for one the list does not know. */
export const missionFieldLabel = (field: string) => missionFieldLabels[field as keyof MissionValues] ?? field;
