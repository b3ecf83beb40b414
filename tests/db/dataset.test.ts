import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  chairTerms,
  organisations,
  technologies,
  technologyAreas,
  technologyCapabilities,
  technologyNeeds,
} from "../../src/db/schema/index.js";
import { readDataset, seedDataset } from "../../src/features/dataset/seed.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

describe("the ISECG dataset", () => {
  it("holds the 27 members, 14 of them founders, and the chair history", async () => {
    const orgs = await t.deps.db.select().from(organisations);
    expect(orgs).toHaveLength(27);
    expect(orgs.filter((o) => o.founding)).toHaveLength(14);
    expect(orgs.every((o) => o.sources.length > 0)).toBe(true);
    const [terms] = await t.deps.db.select({ n: count() }).from(chairTerms);
    expect(terms!.n).toBeGreaterThanOrEqual(10);
  });

  it("marks uncertain join dates rather than presenting them as fact", async () => {
    const [lsa] = await t.deps.db.select().from(organisations).where(eq(organisations.acronym, "LSA"));
    expect(lsa!.joinedUncertain).toBe(true);
    expect(lsa!.joinNote).toBeTruthy();
  });

  it("loading it again adds nothing and keeps the secretariat's edits", async () => {
    await t.deps.db
      .update(organisations)
      .set({ description: "Edited" })
      .where(eq(organisations.acronym, "ESA"));
    const report = await seedDataset(t.deps, await readDataset(t.deps.config.datasetDir));
    expect(report).toMatchObject({
      organisationsAdded: 0,
      chairTermsAdded: 0,
      forumAdded: false,
      newsAdded: 0,
      technologyRecordsAdded: 0,
    });
    const [esa] = await t.deps.db.select().from(organisations).where(eq(organisations.acronym, "ESA"));
    expect(esa!.description).toBe("Edited");
    const seeds = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "dataset.seed"));
    expect(seeds.length).toBeGreaterThanOrEqual(1);
  });

  it("holds the Critical Technology List under stable codes, with no agency capabilities or needs", async () => {
    const areas = await t.deps.db.select().from(technologyAreas);
    expect(areas.map((a) => a.code)).toEqual(
      expect.arrayContaining(["PROP", "CFM", "POWER", "GNC", "ROBO", "AUTO"]),
    );
    const list = await t.deps.db.select().from(technologies);
    expect(list.length).toBeGreaterThanOrEqual(9);
    expect(list.every((x) => /^GER-0\d\d$/.test(x.code) && x.sources.length > 0)).toBe(true);
    expect(list.filter((x) => x.uncertain).every((x) => x.uncertainNote)).toBe(true);
    const [caps] = await t.deps.db.select({ n: count() }).from(technologyCapabilities);
    const [needs] = await t.deps.db.select({ n: count() }).from(technologyNeeds);
    expect([caps!.n, needs!.n]).toEqual([0, 0]);
  });

  it("a broken dataset file is reported with the field at fault", async () => {
    const { mkdtempSync, writeFileSync, copyFileSync, readdirSync } = await import("node:fs");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join((await import("node:os")).tmpdir(), "ds-"));
    // Every file of the shipped dataset, then one broken.
    for (const f of readdirSync(t.deps.config.datasetDir).filter((n) => n.endsWith(".json")))
      copyFileSync(join(t.deps.config.datasetDir, f), join(dir, f));
    writeFileSync(join(dir, "organisations.json"), JSON.stringify([{ acronym: "X" }]));
    await expect(readDataset(dir)).rejects.toThrow(/organisations\.0\./);
  });
});
