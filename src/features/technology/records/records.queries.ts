import { and, asc, count, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import {
  missions,
  organisations,
  technologies,
  technologyCapabilities,
  technologyNeeds,
} from "../../../db/schema/index.js";
import type { DatasetKind } from "../technology.queries.js";

const demoFlag = (dataset: DatasetKind) => dataset === "demo";

/** A capability with its technology and agency. */
export type Capability = typeof technologyCapabilities.$inferSelect & {
  technologyCode: string;
  technologyTitle: string;
  acronym: string;
  agencyName: string;
};

/** A need with its technology and, for a mission, the mission and its lead agency. */
export type Need = typeof technologyNeeds.$inferSelect & {
  technologyCode: string;
  technologyTitle: string;
  missionSlug: string | null;
  missionName: string | null;
  leadOrganisationId: number | null;
  leadAcronym: string | null;
};

export type RecordFilters = {
  dataset?: DatasetKind;
  technologyId?: number;
  organisationId?: number;
  limit?: number;
  offset?: number;
};

const capabilityColumns = {
  c: technologyCapabilities,
  technologyCode: technologies.code,
  technologyTitle: technologies.title,
  acronym: organisations.acronym,
  agencyName: organisations.name,
};

function capabilityWhere(f: RecordFilters): SQL | undefined {
  const where: SQL[] = [eq(technologyCapabilities.demo, demoFlag(f.dataset ?? "real"))];
  if (f.technologyId) where.push(eq(technologyCapabilities.technologyId, f.technologyId));
  if (f.organisationId) where.push(eq(technologyCapabilities.organisationId, f.organisationId));
  return and(...where);
}

/** Capabilities of one dataset (real by default), by technology code then agency, with the total. */
export async function listCapabilities(
  db: Db,
  f: RecordFilters = {},
): Promise<{ rows: Capability[]; total: number }> {
  const base = db
    .select(capabilityColumns)
    .from(technologyCapabilities)
    .innerJoin(technologies, eq(technologies.id, technologyCapabilities.technologyId))
    .innerJoin(organisations, eq(organisations.id, technologyCapabilities.organisationId))
    .where(capabilityWhere(f))
    .orderBy(asc(technologies.code), asc(organisations.acronym));
  const rows = f.limit ? await base.limit(f.limit).offset(f.offset ?? 0) : await base;
  const [n] = await db.select({ n: count() }).from(technologyCapabilities).where(capabilityWhere(f));
  return { rows: rows.map(toCapability), total: n!.n };
}

/** One capability by id, in the given dataset only. */
export async function findCapability(
  db: Db,
  id: number,
  dataset: DatasetKind = "real",
): Promise<Capability | undefined> {
  const [row] = await db
    .select(capabilityColumns)
    .from(technologyCapabilities)
    .innerJoin(technologies, eq(technologies.id, technologyCapabilities.technologyId))
    .innerJoin(organisations, eq(organisations.id, technologyCapabilities.organisationId))
    .where(and(eq(technologyCapabilities.id, id), eq(technologyCapabilities.demo, demoFlag(dataset))));
  return row && toCapability(row);
}

const needColumns = {
  n: technologyNeeds,
  technologyCode: technologies.code,
  technologyTitle: technologies.title,
  missionSlug: missions.slug,
  missionName: missions.name,
  leadOrganisationId: missions.leadOrganisationId,
  leadAcronym: organisations.acronym,
};

function needWhere(f: RecordFilters & { missionId?: number }): SQL | undefined {
  const where: SQL[] = [eq(technologyNeeds.demo, demoFlag(f.dataset ?? "real"))];
  if (f.technologyId) where.push(eq(technologyNeeds.technologyId, f.technologyId));
  if (f.missionId) where.push(eq(technologyNeeds.missionId, f.missionId));
  return and(...where);
}

function needsQuery(db: Db) {
  return db
    .select(needColumns)
    .from(technologyNeeds)
    .innerJoin(technologies, eq(technologies.id, technologyNeeds.technologyId))
    .leftJoin(missions, eq(missions.id, technologyNeeds.missionId))
    .leftJoin(organisations, eq(organisations.id, missions.leadOrganisationId));
}

type NeedRow = typeof technologyNeeds.$inferSelect;
type CapabilityRow = typeof technologyCapabilities.$inferSelect;
const toNeed = ({ n, ...rest }: { n: NeedRow } & Omit<Need, keyof NeedRow>): Need => ({ ...n, ...rest });
const toCapability = ({
  c,
  ...rest
}: { c: CapabilityRow } & Omit<Capability, keyof CapabilityRow>): Capability => ({
  ...c,
  ...rest,
});

/** Needs of one dataset (real by default), by technology code then date, with the total. */
export async function listNeeds(
  db: Db,
  f: RecordFilters & { missionId?: number } = {},
): Promise<{ rows: Need[]; total: number }> {
  const base = needsQuery(db)
    .where(needWhere(f))
    .orderBy(asc(technologies.code), asc(technologyNeeds.neededBy), asc(technologyNeeds.id));
  const rows = f.limit ? await base.limit(f.limit).offset(f.offset ?? 0) : await base;
  const [n] = await db.select({ n: count() }).from(technologyNeeds).where(needWhere(f));
  return { rows: rows.map(toNeed), total: n!.n };
}

/** One need by id, in the given dataset only. */
export async function findNeed(db: Db, id: number, dataset: DatasetKind = "real"): Promise<Need | undefined> {
  const [row] = await needsQuery(db).where(
    and(eq(technologyNeeds.id, id), eq(technologyNeeds.demo, demoFlag(dataset))),
  );
  return row && toNeed(row);
}

/** True when the demonstration dataset has any capability or need (the dataset switch shows then). */
export async function hasDemoData(db: Db): Promise<boolean> {
  const [c] = await db
    .select({ n: count() })
    .from(technologyCapabilities)
    .where(eq(technologyCapabilities.demo, true));
  if (c!.n > 0) return true;
  const [n] = await db.select({ n: count() }).from(technologyNeeds).where(eq(technologyNeeds.demo, true));
  return n!.n > 0;
}
