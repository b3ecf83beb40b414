/**
 * Checks every record of a missions file against the schema, the members, the GER objectives,
 * the missions already there and the importer's rights, in memory, and plans what to create and
 * update. Pure: the caller loads the context and applies the plan. Every bad field of every bad
 * row is reported; nothing is applied unless there are none.
 */
import { type DatePrecision, datePrecisions, type missions } from "../../../db/schema/index.js";
import type { ImportError, ImportFormat, RawRecord } from "../../../domain/import-report.js";
import { formatAtPrecision, parseAtPrecision, precisionFormats } from "../../../domain/mission-dates.js";
import type { Actor } from "../../../http/actor.js";
import { canChooseMissionLead, canEditMission } from "../roadmap.policy.js";
import { type MissionValues, missionValues } from "../roadmap.presenter.js";
import type { Mission } from "../roadmap.queries.js";
import { type MissionInput, missionInput, missionSlug } from "../roadmap.schemas.js";
import { missionColumns } from "../roadmap.service.js";
import { reportField } from "./read.import.js";

/** What the plan needs to know about the database, loaded once per import. */
export type ImportContext = {
  actor: Actor;
  /** Member organisations by lower-case acronym. */
  organisations: Map<string, { id: number; acronym: string }>;
  /** Member acronyms by id. */
  acronyms: Map<number, string>;
  /** GER objectives by code. */
  objectives: Map<string, { id: number; position: number }>;
  /** Missions already in the roadmap, by slug. */
  existing: Map<string, Mission>;
};

/** One mission to create or update, resolved down to column values and link ids. */
export type PlannedMission = {
  line: number;
  slug: string;
  columns: Omit<typeof missions.$inferInsert, "id">;
  partnerIds: number[];
  /** Undefined when the file left the objectives out (they stay as they are). */
  objectiveIds?: number[];
  /** The mission as people and the API write it, after the import. */
  after: MissionValues;
  current?: Mission;
  /** Fields that differ from the current mission (empty for new ones). */
  changed: string[];
};

export type ImportPlan = {
  errors: ImportError[];
  creates: PlannedMission[];
  updates: PlannedMission[];
  unchanged: number;
};

/**
 * Plans the import of the records; `errors` lists every problem found, by line and field. `seen`
 * (slug → line) carries over between the batches of one file, so a slug listed twice is caught.
 */
export function planImport(
  rows: RawRecord[],
  ctx: ImportContext,
  format: ImportFormat,
  seen = new Map<string, number>(),
): ImportPlan {
  const plan: ImportPlan = { errors: [], creates: [], updates: [], unchanged: 0 };
  for (const row of rows) {
    const errors: ImportError[] = [];
    const add = (field: string, reason: string): undefined => {
      const name = reportField(field, format);
      if (!errors.some((e) => e.field === name)) errors.push({ line: row.line, field: name, reason });
    };
    const planned = planRow(row, ctx, seen, add);
    if (errors.length || !planned) plan.errors.push(...errors);
    else if (!planned.current) plan.creates.push(planned);
    else if (planned.changed.length) plan.updates.push(planned);
    else plan.unchanged++;
  }
  return plan;
}

/** Reports a problem with a field of the row; returns undefined so callers can `return add(...)`. */
type Add = (field: string, reason: string) => undefined;

function slugOf(values: Record<string, unknown>): string {
  if (typeof values.slug === "string" && values.slug.trim()) return values.slug.trim();
  return typeof values.name === "string" ? missionSlug(values.name) : "";
}

function planRow(
  row: RawRecord,
  ctx: ImportContext,
  seen: Map<string, number>,
  add: Add,
): PlannedMission | null {
  const slug = slugOf(row.values);
  if (!slug) return add("slug", "Give the mission a slug or a name.") ?? null;
  const first = seen.get(slug);
  if (first !== undefined)
    add("slug", `The slug "${slug}" is already used on line ${first}: list each mission once.`);
  else seen.set(slug, row.line);
  const current = ctx.existing.get(slug);
  // Fields the file leaves out keep their current value (or the default, for a new mission).
  const merged = current ? { ...missionValues(current), ...row.values, slug } : { ...row.values, slug };
  const parsed = missionInput.safeParse(merged);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(String(issue.path[0] ?? "row"), issue.message);
    checkAnyway(merged, ctx, current, add);
    return null;
  }
  const input = parsed.data;
  const leadOrganisationId = resolveLead(input, ctx, current, add);
  const partnerIds = resolvePartners(input.partners, ctx, add).filter((id) => id !== leadOrganisationId);
  const objectiveIds = resolveObjectives(input.objectives, ctx, add);
  if (leadOrganisationId === undefined) return null;
  const columns = missionColumns(input, slug, leadOrganisationId);
  const after = valuesAfter(input, columns, ctx, partnerIds, current);
  const before = current ? (missionValues(current) as Record<string, unknown>) : {};
  const changed = current
    ? Object.keys(after).filter(
        (k) => JSON.stringify(before[k]) !== JSON.stringify((after as Record<string, unknown>)[k]),
      )
    : [];
  return { line: row.line, slug, columns, partnerIds, objectiveIds, after, current, changed };
}

const textOf = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
const listOf = (v: unknown) =>
  (Array.isArray(v) ? v : typeof v === "string" ? v.split(/[\s,]+/) : []).filter(
    (x): x is string => typeof x === "string" && x.trim() !== "",
  );

/**
 * When the schema refuses a row, the checks that depend on it did not run: run those that can on
 * the raw values, so that one pass reports every bad field (a bad destination hides no bad lead).
 */
function checkAnyway(
  values: Record<string, unknown>,
  ctx: ImportContext,
  current: Mission | undefined,
  add: Add,
) {
  const lead = { lead: textOf(values.lead), leadOther: textOf(values.leadOther) } as MissionInput;
  resolveLead(lead, ctx, current, add);
  resolvePartners(listOf(values.partners), ctx, add);
  if (values.objectives !== undefined) resolveObjectives(listOf(values.objectives), ctx, add);
  for (const field of ["launch", "end"] as const) {
    const text = textOf(values[field]);
    const precision = values[`${field}Precision`];
    if (
      text &&
      typeof precision === "string" &&
      isPrecision(precision) &&
      !parseAtPrecision(text, precision)
    ) {
      add(
        field,
        `Write the ${field} date as ${precisionFormats[precision]} to match its precision (${precision}), with a real date.`,
      );
    }
  }
}

const isPrecision = (p: string): p is DatePrecision => (datePrecisions as readonly string[]).includes(p);

/** The lead's id (null for a non-member lead), or undefined after reporting why it cannot be. */
function resolveLead(
  input: MissionInput,
  ctx: ImportContext,
  current: Mission | undefined,
  add: Add,
): number | null | undefined {
  const { actor } = ctx;
  const named = input.lead ? ctx.organisations.get(input.lead.toLowerCase()) : undefined;
  if (input.lead && !named) return add("lead", `There is no member agency "${input.lead}".`);
  let leadId: number | null = named?.id ?? null;
  if (current && !canEditMission(actor, current)) {
    const who = current.leadAcronym ?? current.leadOther ?? "another agency";
    const reason = `"${current.slug}" is led by ${who}: only ${who}'s focal points or the secretariat may change it (national prerogative).`;
    return add("lead", reason);
  }
  if (!canChooseMissionLead(actor)) {
    const own = current ? current.leadOrganisationId : actor.kind === "person" ? actor.organisationId : null;
    if (named && named.id !== own) {
      const reason = `Missions led by ${named.acronym} are ${named.acronym}'s to publish (national prerogative): import only your own agency's missions.`;
      return add("lead", reason);
    }
    leadId = own;
  }
  if (leadId === null && !input.leadOther) {
    return add("lead", "Name the lead member agency, or a non-member lead in lead_other.");
  }
  return leadId;
}

function resolvePartners(acronyms: string[], ctx: ImportContext, add: Add): number[] {
  const unknown = acronyms.filter((a) => !ctx.organisations.has(a.toLowerCase()));
  if (unknown.length)
    add("partners", `There is no member agency ${unknown.map((a) => `"${a}"`).join(", ")}.`);
  const ids = acronyms.flatMap((a) => ctx.organisations.get(a.toLowerCase())?.id ?? []);
  return [...new Set(ids)];
}

function resolveObjectives(codes: string[] | undefined, ctx: ImportContext, add: Add): number[] | undefined {
  if (codes === undefined) return undefined;
  const unknown = codes.filter((c) => !ctx.objectives.has(c));
  if (unknown.length) add("objectives", `There is no roadmap objective ${unknown.join(", ")}.`);
  return codes.flatMap((c) => ctx.objectives.get(c)?.id ?? []);
}

/** The mission's values once imported, ordered as the queries order them, to compare and to record. */
function valuesAfter(
  input: MissionInput,
  c: ReturnType<typeof missionColumns>,
  ctx: ImportContext,
  partnerIds: number[],
  current: Mission | undefined,
): MissionValues {
  const acronymOf = ctx.acronyms;
  const codes = input.objectives ?? current?.objectives ?? [];
  const position = (code: string) => ctx.objectives.get(code)?.position ?? 0;
  return {
    name: c.name,
    slug: c.slug,
    lead: c.leadOrganisationId === null ? null : (acronymOf.get(c.leadOrganisationId) ?? null),
    leadOther: c.leadOther,
    partners: partnerIds.map((id) => acronymOf.get(id)!).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    otherPartners: c.otherPartners,
    destination: c.destination,
    crewed: c.crewed,
    launch: c.launchOn && c.launchPrecision ? formatAtPrecision(c.launchOn, c.launchPrecision) : null,
    launchPrecision: c.launchPrecision,
    end: c.endsOn && c.endPrecision ? formatAtPrecision(c.endsOn, c.endPrecision) : null,
    endPrecision: c.endPrecision,
    status: c.status,
    instruments: c.instruments,
    objectives: [...codes].sort((a, b) => position(a) - position(b) || (a < b ? -1 : a > b ? 1 : 0)),
    studiesPolarVolatiles: c.studiesPolarVolatiles,
    description: c.description,
    sources: c.sources,
    uncertain: c.uncertain,
    uncertaintyNote: c.uncertaintyNote,
  };
}
