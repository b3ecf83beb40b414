import { and, asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  missions,
  organisations,
  technologies,
  technologyAreas,
  technologyCapabilities,
  technologyNeeds,
} from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";

/** Which records a query reads: the agencies' real figures (default) or the demonstration set. */
export type DatasetKind = "real" | "demo";

const isDemo = (dataset: DatasetKind) => dataset === "demo";

export type AreaRow = typeof technologyAreas.$inferSelect;
export type TechnologyRow = typeof technologies.$inferSelect;
/** A technology with its area's code and name. */
export type Technology = TechnologyRow & { areaCode: string; areaName: string };

/** A technology as the gap analysis sees it. */
export type GapTechnology = { id: number; code: string; title: string; area: string; areaCode: string };
/** An agency's capability as the gap analysis sees it (dates as YYYY-MM-DD). */
export type GapCapability = {
  technologyId: number;
  organisationId: number;
  acronym: string;
  currentTrl: number;
  targetTrl: number;
  targetDate: string;
};
/** A need as the gap analysis sees it: for a mission (with its id and slug) or an architecture element. */
export type GapNeed = {
  technologyId: number;
  trlNeeded: number;
  neededBy: string;
  label: string;
  missionId: number | null;
  missionSlug: string | null;
  element: string | null;
};
export type GapInputs = {
  dataset: DatasetKind;
  technologies: GapTechnology[];
  capabilities: GapCapability[];
  needs: GapNeed[];
};

/**
 * Everything the gap analysis reads, from one dataset only (real by default): technologies in
 * code order, capabilities with the agency's acronym, needs labelled by mission name or element.
 */
export async function loadGapInputs(
  deps: Pick<Deps, "db">,
  opts: { dataset?: DatasetKind } = {},
): Promise<GapInputs> {
  const dataset = opts.dataset ?? "real";
  const [techs, capabilities, needs] = await Promise.all([
    deps.db
      .select({
        id: technologies.id,
        code: technologies.code,
        title: technologies.title,
        area: technologyAreas.name,
        areaCode: technologyAreas.code,
      })
      .from(technologies)
      .innerJoin(technologyAreas, eq(technologyAreas.id, technologies.areaId))
      .orderBy(asc(technologies.code)),
    deps.db
      .select({
        technologyId: technologyCapabilities.technologyId,
        organisationId: technologyCapabilities.organisationId,
        acronym: organisations.acronym,
        currentTrl: technologyCapabilities.currentTrl,
        targetTrl: technologyCapabilities.targetTrl,
        targetDate: technologyCapabilities.targetDate,
      })
      .from(technologyCapabilities)
      .innerJoin(organisations, eq(organisations.id, technologyCapabilities.organisationId))
      .where(eq(technologyCapabilities.demo, isDemo(dataset)))
      .orderBy(asc(technologyCapabilities.technologyId), asc(organisations.acronym)),
    deps.db
      .select({
        technologyId: technologyNeeds.technologyId,
        trlNeeded: technologyNeeds.trlNeeded,
        neededBy: technologyNeeds.neededBy,
        missionId: technologyNeeds.missionId,
        missionSlug: missions.slug,
        missionName: missions.name,
        element: technologyNeeds.element,
      })
      .from(technologyNeeds)
      .leftJoin(missions, eq(missions.id, technologyNeeds.missionId))
      .where(eq(technologyNeeds.demo, isDemo(dataset)))
      .orderBy(asc(technologyNeeds.technologyId), asc(technologyNeeds.neededBy), asc(technologyNeeds.id)),
  ]);
  return {
    dataset,
    technologies: techs,
    capabilities,
    needs: needs.map(({ missionName, ...n }) => ({ ...n, label: missionName ?? n.element ?? "" })),
  };
}

/** The areas of the Critical Technology List in their set order. */
export function listAreas(db: Db): Promise<AreaRow[]> {
  return db.select().from(technologyAreas).orderBy(asc(technologyAreas.position), asc(technologyAreas.code));
}

/** Technologies with their area, by code; optionally one area only. */
export async function listTechnologies(db: Db, opts: { areaId?: number } = {}): Promise<Technology[]> {
  const where: SQL[] = [];
  if (opts.areaId) where.push(eq(technologies.areaId, opts.areaId));
  const rows = await db
    .select({ t: technologies, areaCode: technologyAreas.code, areaName: technologyAreas.name })
    .from(technologies)
    .innerJoin(technologyAreas, eq(technologyAreas.id, technologies.areaId))
    .where(and(...where))
    .orderBy(asc(technologies.code));
  return rows.map((r) => ({ ...r.t, areaCode: r.areaCode, areaName: r.areaName }));
}

/** One technology by its code (case-insensitive), with its area. */
export async function findTechnologyByCode(db: Db, code: string): Promise<Technology | undefined> {
  const rows = await db
    .select({ t: technologies, areaCode: technologyAreas.code, areaName: technologyAreas.name })
    .from(technologies)
    .innerJoin(technologyAreas, eq(technologyAreas.id, technologies.areaId))
    .where(eq(technologies.code, code.toUpperCase()));
  const r = rows[0];
  return r && { ...r.t, areaCode: r.areaCode, areaName: r.areaName };
}

/** One area by its code (case-insensitive). */
export async function findAreaByCode(db: Db, code: string): Promise<AreaRow | undefined> {
  return (await db.select().from(technologyAreas).where(eq(technologyAreas.code, code.toUpperCase())))[0];
}
