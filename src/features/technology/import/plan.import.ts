/**
 * Checks every record of an import against the schemas, the references (areas, agencies,
 * technologies, missions) and the policies, and decides what each would do. Pure: the context
 * holds everything it looks up.
 */
import type { z } from "zod";
import type { ImportError, ImportFormat, RawRecord } from "../../../domain/import-report.js";
import type { Actor } from "../../../http/actor.js";
import { canEditCapability, canEditNeed } from "../technology.policy.js";
import {
  type CapabilityInput,
  capabilityInput,
  type NeedInput,
  needInput,
  type TechnologyInput,
  technologyInput,
} from "../technology.schemas.js";
import type { ImportKind } from "./read.import.js";
import { reportField } from "./read.import.js";

/** What the plan looks up: ids by code, acronym (lower case) and slug; existing real records. */
export type ImportContext = {
  actor: Actor;
  areas: Map<string, number>;
  technologies: Map<string, number>;
  agencies: Map<string, { id: number; acronym: string }>;
  missions: Map<string, { id: number; leadOrganisationId: number | null }>;
  /** Real capabilities by `organisationId:technologyId`. */
  capabilities: Map<string, number>;
  /** Real needs by id, with what the need policy needs. */
  needs: Map<number, { missionId: number | null; leadOrganisationId: number | null }>;
};

export type PlannedRow =
  | { kind: "technologies"; line: number; existingId: number | null; input: TechnologyInput; areaId: number }
  | {
      kind: "capabilities";
      line: number;
      existingId: number | null;
      input: CapabilityInput;
      organisationId: number;
      technologyId: number;
    }
  | {
      kind: "needs";
      line: number;
      existingId: number | null;
      input: NeedInput;
      technologyId: number;
      missionId: number | null;
    };

export type ImportPlan = { rows: PlannedRow[]; errors: ImportError[] };

type Check<T> = (
  values: T,
  raw: Record<string, unknown>,
  ctx: ImportContext,
  fail: (field: string, reason: string) => void,
) => { existingId: number | null; extra: Record<string, number | null> } | null;

/** Plans an import of one kind: the rows to write, or every reason a row cannot be written. */
export function planImport(
  kind: ImportKind,
  rows: RawRecord[],
  ctx: ImportContext,
  format: ImportFormat,
): ImportPlan {
  const errors: ImportError[] = [];
  const planned: PlannedRow[] = [];
  const seen = new Map<string, number>();
  const schema: z.ZodType = {
    technologies: technologyInput,
    capabilities: capabilityInput,
    needs: needInput,
  }[kind];
  const check = { technologies: checkTechnology, capabilities: checkCapability, needs: checkNeed }[
    kind
  ] as Check<unknown>;
  for (const r of rows) {
    const fail = (field: string, reason: string) =>
      errors.push({ line: r.line, field: reportField(kind, field, format), reason });
    const parsed = schema.safeParse(r.values);
    if (!parsed.success) {
      const fields = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "row");
        if (!fields.has(field)) fail(field, issue.message);
        fields.add(field);
      }
      continue;
    }
    const result = check(parsed.data, r.values, ctx, fail);
    if (!result) continue;
    const key = keyOf(kind, parsed.data, result);
    if (key && seen.has(key)) {
      fail("row", `This record repeats line ${seen.get(key)} of the file.`);
      continue;
    }
    if (key) seen.set(key, r.line);
    planned.push({
      kind,
      line: r.line,
      existingId: result.existingId,
      input: parsed.data,
      ...result.extra,
    } as PlannedRow);
  }
  return { rows: planned, errors };
}

function keyOf(
  kind: ImportKind,
  input: unknown,
  result: { existingId: number | null; extra: Record<string, number | null> },
) {
  if (kind === "technologies") return `t:${(input as TechnologyInput).code}`;
  if (kind === "capabilities") return `c:${result.extra.organisationId}:${result.extra.technologyId}`;
  return result.existingId ? `n:${result.existingId}` : null;
}

const checkTechnology: Check<TechnologyInput> = (v, _raw, ctx, fail) => {
  const areaId = ctx.areas.get(v.area);
  if (!areaId) {
    fail("area", `There is no area ${v.area}.`);
    return null;
  }
  return { existingId: ctx.technologies.get(v.code) ?? null, extra: { areaId } };
};

const checkCapability: Check<CapabilityInput> = (v, _raw, ctx, fail) => {
  const agency = ctx.agencies.get(v.agency.toLowerCase());
  const technologyId = ctx.technologies.get(v.technology);
  if (!agency) fail("agency", `There is no member agency ${v.agency}.`);
  if (!technologyId) fail("technology", `There is no technology ${v.technology} in the list.`);
  if (!agency || !technologyId) return null;
  if (!canEditCapability(ctx.actor, { organisationId: agency.id })) {
    fail("agency", `You can import only your own agency's capabilities, not ${agency.acronym}'s.`);
    return null;
  }
  const existingId = ctx.capabilities.get(`${agency.id}:${technologyId}`) ?? null;
  return { existingId, extra: { organisationId: agency.id, technologyId } };
};

const checkNeed: Check<NeedInput> = (v, raw, ctx, fail) => {
  const technologyId = ctx.technologies.get(v.technology);
  const mission = v.mission ? ctx.missions.get(v.mission) : undefined;
  const idText = String(raw.id ?? "").trim();
  const id = idText ? Number(idText) : null;
  const failed: boolean[] = [];
  const no = (field: string, reason: string) => failed.push(true) && fail(field, reason);
  if (!technologyId) no("technology", `There is no technology ${v.technology} in the list.`);
  if (v.mission && !mission) no("mission", `There is no mission ${v.mission}.`);
  if (id !== null && (!Number.isInteger(id) || !ctx.needs.has(id)))
    no("id", `There is no need ${idText}; leave id empty to add a new one.`);
  if (failed.length || !technologyId) return null;
  const target = { missionId: mission?.id ?? null, leadOrganisationId: mission?.leadOrganisationId ?? null };
  const before = id !== null ? ctx.needs.get(id) : undefined;
  if (!canEditNeed(ctx.actor, target) || (before && !canEditNeed(ctx.actor, before))) {
    fail(v.mission ? "mission" : "element", "You are not allowed to set this need (see who may edit needs).");
    return null;
  }
  return { existingId: id, extra: { technologyId, missionId: target.missionId } };
};
