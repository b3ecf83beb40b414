import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  missions,
  organisations,
  technologies,
  technologyCapabilities,
  technologyNeeds,
} from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden } from "../../http/errors.js";
import { write } from "../../kit/write.js";
import { canManageDemoData } from "./technology.policy.js";

/** The agencies the demonstration dataset gives capabilities to (those present are used). */
const demoAgencies = [
  "NASA",
  "ESA",
  "JAXA",
  "CSA",
  "CNSA",
  "ISRO",
  "KARI",
  "DLR",
  "CNES",
  "ASI",
  "UKSA",
  "UAE SA",
];
const DEMO_SEED = 20_191_213;
const NOTE = "Demonstration data, not agency figures.";

/** A small deterministic PRNG (mulberry32): the same seed always gives the same dataset. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const between = (rand: () => number, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const isoDay = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}-01`;

type DemoTechnology = { id: number; destinations: string[] };
type DemoMission = { id: number; destination: string; launchOn: string | null };

/** Capabilities: each agency works on roughly half the technologies, some on none (a gap to find). */
export function demoCapabilities(rand: () => number, techs: DemoTechnology[], agencyIds: number[]) {
  const rows: Array<typeof technologyCapabilities.$inferInsert> = [];
  for (const [k, t] of techs.entries()) {
    // Every fifth technology has nobody on it, so the analysis has an orphan to show.
    if (k % 5 === 4) continue;
    for (const organisationId of agencyIds) {
      if (rand() > 0.45) continue;
      const currentTrl = between(rand, 2, 7);
      const targetTrl = Math.min(9, currentTrl + between(rand, 0, 3));
      rows.push({
        technologyId: t.id,
        organisationId,
        currentTrl,
        targetTrl,
        targetDate: isoDay(between(rand, 2026, 2036), between(rand, 1, 12)),
        note: NOTE,
        demo: true,
      });
    }
  }
  return rows;
}

/** Needs: each upcoming mission needs a few technologies of its destination at TRL 6 or more, before launch. */
export function demoNeeds(rand: () => number, techs: DemoTechnology[], list: DemoMission[]) {
  const rows: Array<typeof technologyNeeds.$inferInsert> = [];
  for (const m of list) {
    const fitting = techs.filter((t) => t.destinations.includes(m.destination));
    const launchYear = m.launchOn ? Number(m.launchOn.slice(0, 4)) : 2032;
    for (const t of fitting) {
      if (rand() > 0.6) continue;
      rows.push({
        technologyId: t.id,
        missionId: m.id,
        trlNeeded: between(rand, 6, 8),
        neededBy: isoDay(Math.max(2026, launchYear - between(rand, 1, 3)), between(rand, 1, 12)),
        note: NOTE,
        demo: true,
      });
    }
  }
  const elements = ["Mars transit habitat", "Lunar surface power station"];
  for (const [k, element] of elements.entries()) {
    for (const t of techs.filter((x) => x.destinations.includes(k === 0 ? "mars" : "lunar_surface"))) {
      rows.push({
        technologyId: t.id,
        element,
        trlNeeded: 6,
        neededBy: isoDay(2033 + k, 1),
        note: NOTE,
        demo: true,
      });
    }
  }
  return rows;
}

async function loadSources(tx: Db) {
  const techs = await tx
    .select({ id: technologies.id, destinations: technologies.destinations })
    .from(technologies)
    .orderBy(asc(technologies.code));
  const agencies = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.acronym, demoAgencies))
    .orderBy(asc(organisations.acronym));
  const upcoming = await tx
    .select({ id: missions.id, destination: missions.destination, launchOn: missions.launchOn })
    .from(missions)
    .where(inArray(missions.status, ["funded", "in_formulation", "concept"]))
    .orderBy(asc(missions.slug));
  return { techs, agencyIds: agencies.map((a) => a.id), upcoming };
}

/** Replaces the demonstration capabilities and needs with freshly generated ones (command line only). */
export async function loadDemoData(deps: Deps, actor: Actor) {
  if (!canManageDemoData(actor))
    throw forbidden("The demonstration dataset is loaded from the command line.");
  return write(deps, actor, async (tx, audit) => {
    await deleteDemoRows(tx);
    const rand = prng(DEMO_SEED);
    const { techs, agencyIds, upcoming } = await loadSources(tx);
    const capabilities = demoCapabilities(rand, techs, agencyIds);
    const needs = demoNeeds(rand, techs, upcoming);
    if (capabilities.length) await tx.insert(technologyCapabilities).values(capabilities);
    if (needs.length) await tx.insert(technologyNeeds).values(needs);
    const report = { capabilities: capabilities.length, needs: needs.length };
    await audit({
      action: "technology.demo.load",
      subjectType: "dataset",
      summary: `Loaded the demonstration dataset: ${report.capabilities} capabilities, ${report.needs} needs`,
      details: report,
    });
    return report;
  });
}

async function deleteDemoRows(tx: Db) {
  const c = await tx.delete(technologyCapabilities).where(eq(technologyCapabilities.demo, true)).returning({
    id: technologyCapabilities.id,
  });
  const n = await tx.delete(technologyNeeds).where(eq(technologyNeeds.demo, true)).returning({
    id: technologyNeeds.id,
  });
  return { capabilities: c.length, needs: n.length };
}

/** Deletes every demonstration capability and need; real records are untouched (command line only). */
export async function deleteDemoData(deps: Deps, actor: Actor) {
  if (!canManageDemoData(actor))
    throw forbidden("The demonstration dataset is removed from the command line.");
  return write(deps, actor, async (tx, audit) => {
    const report = await deleteDemoRows(tx);
    await audit({
      action: "technology.demo.remove",
      subjectType: "dataset",
      summary: `Removed the demonstration dataset: ${report.capabilities} capabilities, ${report.needs} needs`,
      details: report,
    });
    return report;
  });
}
