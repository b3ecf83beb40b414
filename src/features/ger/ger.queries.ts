import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  gerEditionMissions,
  gerEditions,
  gerGoals,
  gerObjectives,
  gesThemes,
  missionObjectives,
  missions,
  volatilesGapMissions,
  volatilesGaps,
} from "../../db/schema/index.js";
import type { SnapshotMission } from "./ger.schemas.js";

export type Edition = typeof gerEditions.$inferSelect;
export type Theme = typeof gesThemes.$inferSelect;
export type Goal = typeof gerGoals.$inferSelect;
export type ObjectiveRow = typeof gerObjectives.$inferSelect;
/** A mission as the framework and volatiles views list it. */
export type MissionRef = {
  slug: string;
  name: string;
  destination: (typeof missions.$inferSelect)["destination"];
  status: (typeof missions.$inferSelect)["status"];
};
export type Objective = ObjectiveRow & { missions: MissionRef[] };
export type Framework = { themes: Theme[]; goals: Array<Goal & { objectives: Objective[] }> };

const missionRef = {
  slug: missions.slug,
  name: missions.name,
  destination: missions.destination,
  status: missions.status,
};

/** Every objective with its goal's title, in order: the choices on the mission form. */
export function listObjectiveChoices(db: Db) {
  return db
    .select({ code: gerObjectives.code, title: gerObjectives.title, goalTitle: gerGoals.title })
    .from(gerObjectives)
    .innerJoin(gerGoals, eq(gerGoals.id, gerObjectives.goalId))
    .orderBy(asc(gerGoals.position), asc(gerObjectives.position), asc(gerObjectives.code));
}

/** The GES themes, the goals and their objectives, each objective with the missions serving it. */
export async function loadFramework(db: Db): Promise<Framework> {
  const [themes, goals, objectives, links] = await Promise.all([
    db.select().from(gesThemes).orderBy(asc(gesThemes.position)),
    db.select().from(gerGoals).orderBy(asc(gerGoals.position), asc(gerGoals.code)),
    db.select().from(gerObjectives).orderBy(asc(gerObjectives.position), asc(gerObjectives.code)),
    db
      .select({ objectiveId: missionObjectives.objectiveId, ...missionRef })
      .from(missionObjectives)
      .innerJoin(missions, eq(missions.id, missionObjectives.missionId))
      .orderBy(asc(missions.launchOn), asc(missions.name)),
  ]);
  const byObjective = new Map<number, MissionRef[]>();
  for (const { objectiveId, ...m } of links)
    byObjective.set(objectiveId, [...(byObjective.get(objectiveId) ?? []), m]);
  return {
    themes,
    goals: goals.map((g) => ({
      ...g,
      objectives: objectives
        .filter((o) => o.goalId === g.id)
        .map((o) => ({ ...o, missions: byObjective.get(o.id) ?? [] })),
    })),
  };
}

/** Editions by year (newest first); visitors see published ones only. */
export function listEditions(db: Db, opts: { publishedOnly: boolean }) {
  return db
    .select()
    .from(gerEditions)
    .where(opts.publishedOnly ? eq(gerEditions.status, "published") : undefined)
    .orderBy(desc(gerEditions.year), desc(gerEditions.createdAt), desc(gerEditions.id));
}

/** One edition by its slug. */
export async function findEdition(db: Db, slug: string): Promise<Edition | undefined> {
  return (await db.select().from(gerEditions).where(eq(gerEditions.slug, slug)))[0];
}

/** The newest published edition that has a mission snapshot, if any. */
export async function latestFrozenEdition(db: Db): Promise<Edition | undefined> {
  const [row] = await db
    .select()
    .from(gerEditions)
    .where(and(eq(gerEditions.status, "published"), isNotNull(gerEditions.frozenAt)))
    .orderBy(desc(gerEditions.publishedAt), desc(gerEditions.id))
    .limit(1);
  return row;
}

/** The first published edition whose missions were recorded: where comparisons can start. */
export async function earliestFrozenEdition(db: Db): Promise<Edition | undefined> {
  const [row] = await db
    .select()
    .from(gerEditions)
    .where(and(eq(gerEditions.status, "published"), isNotNull(gerEditions.frozenAt)))
    .orderBy(asc(gerEditions.publishedAt), asc(gerEditions.id))
    .limit(1);
  return row;
}

/** The missions frozen in an edition, by launch date then name. */
export async function editionMissions(db: Db, editionId: number): Promise<SnapshotMission[]> {
  const rows = await db
    .select({ data: gerEditionMissions.data })
    .from(gerEditionMissions)
    .where(eq(gerEditionMissions.editionId, editionId));
  return rows
    .map((r) => r.data as SnapshotMission)
    .sort(
      (a, b) => (a.launchOn ?? "9999").localeCompare(b.launchOn ?? "9999") || a.name.localeCompare(b.name),
    );
}

/** The volatiles knowledge gaps, each with the missions addressing it. */
export async function listGaps(db: Db) {
  const [gaps, links] = await Promise.all([
    db.select().from(volatilesGaps).orderBy(asc(volatilesGaps.position), asc(volatilesGaps.code)),
    db
      .select({ gapId: volatilesGapMissions.gapId, ...missionRef })
      .from(volatilesGapMissions)
      .innerJoin(missions, eq(missions.id, volatilesGapMissions.missionId))
      .orderBy(asc(missions.launchOn), asc(missions.name)),
  ]);
  return gaps.map((g) => ({ ...g, missions: links.filter((l) => l.gapId === g.id) }));
}
