import { count, eq, like } from "drizzle-orm";
import { expect } from "vitest";
import {
  auditLog,
  gapAssessments,
  technologies,
  technologyAreas,
  technologyCapabilities,
  technologyNeeds,
} from "../../src/db/schema/index.js";
import type { Person } from "../../src/http/actor.js";
import { browser } from "./actors.js";
import type { TestContext } from "./database.js";

/** A signed-in client as `browser()` gives it. */
export type Client = Awaited<ReturnType<typeof browser>>;

/** ESA's capability for GER-019 as the form posts it. */
export const capabilityForm = {
  agency: "ESA",
  technology: "GER-019",
  currentTrl: "4",
  targetTrl: "6",
  targetDate: "2029-06-01",
};
/** Argonaut's (ESA-led) need for GER-018 as the form posts it. */
export const needForm = {
  mission: "argonaut",
  technology: "GER-018",
  trlNeeded: "6",
  neededBy: "2028-01-01",
};
/** An architecture element's need (no mission) as the form posts it. */
export const elementForm = {
  element: "Mars transit habitat",
  technology: "GER-023",
  trlNeeded: "6",
  neededBy: "2035-01-01",
};

/** Asserts a 422 page that names every message given. */
export async function expectFormErrors(res: Response, messages: string[]) {
  expect(res.status).toBe(422);
  const html = await res.text();
  for (const m of messages) expect(html, m).toContain(m);
}

/** Clients and row counts for the technology rule tests, read from the test's own database. */
export function technologyRules(t: TestContext) {
  const db = () => t.deps.db;
  return {
    as: (person: Person): Promise<Client> => browser(t.deps, t.app, person),
    rows: {
      capabilities: async () => (await db().select({ n: count() }).from(technologyCapabilities))[0]!.n,
      needs: async () => (await db().select({ n: count() }).from(technologyNeeds))[0]!.n,
      technologies: async () => (await db().select({ n: count() }).from(technologies))[0]!.n,
      areas: async () => (await db().select({ n: count() }).from(technologyAreas))[0]!.n,
      assessments: async () => (await db().select({ n: count() }).from(gapAssessments))[0]!.n,
      /** Audit entries of the technology feature: a refused write leaves none. */
      audits: async () =>
        (await db().select({ n: count() }).from(auditLog).where(like(auditLog.action, "technology.%")))[0]!.n,
    },
    capabilityRow: async (id: string) =>
      (
        await db()
          .select()
          .from(technologyCapabilities)
          .where(eq(technologyCapabilities.id, Number(id)))
      )[0],
    needRow: async (id: string) =>
      (
        await db()
          .select()
          .from(technologyNeeds)
          .where(eq(technologyNeeds.id, Number(id)))
      )[0],
    technology: async (code: string) =>
      (await db().select().from(technologies).where(eq(technologies.code, code)))[0],
  };
}
