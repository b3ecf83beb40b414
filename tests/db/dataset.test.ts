import { count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  chairTerms,
  groupDeliverables,
  groupOutlooks,
  meetingAttendance,
  meetings,
  organisations,
  publications,
  technologies,
  technologyAreas,
  technologyCapabilities,
  technologyNeeds,
  workingGroups,
} from "../../src/db/schema/index.js";
import { readDataset, seedDataset } from "../../src/features/dataset/dataset.seed.js";
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

  it("loading it again fills in lists, outlooks, workplans and links added since, but not over edits", async () => {
    const db = t.deps.db;
    const id = async (slug: string) =>
      (await db.select().from(workingGroups).where(eq(workingGroups.slug, slug)))[0]!.id;
    const [darmstadt] = await db.select().from(meetings).where(eq(meetings.slug, "2015-darmstadt"));
    const [erwg, twg, cwg] = [await id("erwg"), await id("twg"), await id("cwg")];
    // As an installation loaded before these were in the dataset would have them.
    await db.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, darmstadt!.id));
    await db.delete(groupOutlooks).where(eq(groupOutlooks.groupId, erwg));
    await db.delete(groupDeliverables).where(inArray(groupDeliverables.groupId, [twg, cwg]));
    await db
      .update(publications)
      .set({ externalUrl: null })
      .where(eq(publications.slug, "dust-mitigation-gap-assessment"));
    // The CWG's chair has started a workplan of their own meanwhile.
    await db.insert(groupDeliverables).values({ groupId: cwg, title: "Our own plan", status: "planned" });

    await seedDataset(t.deps, await readDataset(t.deps.config.datasetDir));

    const [att] = await db
      .select({ n: count() })
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, darmstadt!.id));
    expect(att!.n).toBe(14);
    const outlooks = await db.select().from(groupOutlooks).where(eq(groupOutlooks.groupId, erwg));
    expect(outlooks.map((o) => o.year)).toEqual([2024]);
    const [twgWork] = await db
      .select({ n: count() })
      .from(groupDeliverables)
      .where(eq(groupDeliverables.groupId, twg));
    expect(twgWork!.n).toBe(4);
    const cwgWork = await db.select().from(groupDeliverables).where(eq(groupDeliverables.groupId, cwg));
    expect(cwgWork.map((d) => d.title)).toEqual(["Our own plan"]);
    const [dust] = await db
      .select()
      .from(publications)
      .where(eq(publications.slug, "dust-mitigation-gap-assessment"));
    expect(dust!.externalUrl).toMatch(/^https:\/\//);
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
