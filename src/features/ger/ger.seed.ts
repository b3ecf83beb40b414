import { inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import {
  gerEditions,
  gerGoals,
  gerObjectives,
  gesThemes,
  missionObjectives,
  missions,
  volatilesGapMissions,
  volatilesGaps,
} from "../../db/schema/index.js";
import type { datasetEditions, datasetFramework, datasetGaps } from "./ger.schemas.js";

export type GerDataset = {
  framework: z.infer<typeof datasetFramework>;
  editions: z.infer<typeof datasetEditions>;
  gaps: z.infer<typeof datasetGaps>;
};

const objectiveNote =
  "Our paraphrase; the wording and the grouping under this goal come from general knowledge of the roadmap and were not checked against the published document.";

async function missionIds(tx: Db, slugs: string[]) {
  const rows = slugs.length
    ? await tx
        .select({ id: missions.id, slug: missions.slug })
        .from(missions)
        .where(inArray(missions.slug, slugs))
    : [];
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  return (slug: string, where: string) => {
    const id = ids.get(slug);
    if (!id) throw new Error(`${where} names unknown mission ${slug}.`);
    return id;
  };
}

/**
 * Inserts the framework, the named editions and the volatiles gaps that are missing (by code or
 * slug); existing records and their mission links keep later edits. Returns how many were added.
 */
export async function seedGer(tx: Db, data: GerDataset): Promise<number> {
  let added = 0;
  const f = data.framework;
  const allSlugs = [
    ...f.goals.flatMap((g) => g.objectives.flatMap((o) => o.missions)),
    ...data.gaps.gaps.flatMap((g) => g.missions),
  ];
  const idOf = await missionIds(tx, [...new Set(allSlugs)]);
  for (const [position, t] of f.themes.entries()) {
    added += (
      await tx
        .insert(gesThemes)
        .values({ ...t, position })
        .onConflictDoNothing()
        .returning()
    ).length;
  }
  const themeIds = new Map((await tx.select().from(gesThemes)).map((t) => [t.code, t.id]));
  for (const [position, g] of f.goals.entries()) {
    const { objectives, theme, ...goal } = g;
    await tx
      .insert(gerGoals)
      .values({ ...goal, themeId: theme ? (themeIds.get(theme) ?? null) : null, position })
      .onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(gerGoals)
      .where(inArray(gerGoals.code, [g.code]));
    for (const [k, o] of objectives.entries()) {
      const [obj] = await tx
        .insert(gerObjectives)
        .values({
          goalId: row!.id,
          code: o.code,
          title: o.title,
          description: o.description,
          position: position * 100 + k,
          sources: g.sources,
          uncertain: o.uncertain,
          uncertaintyNote: o.uncertain ? objectiveNote : null,
        })
        .onConflictDoNothing()
        .returning();
      if (!obj) continue;
      added++;
      const links = o.missions.map((s) => ({
        missionId: idOf(s, `Objective ${o.code}`),
        objectiveId: obj.id,
      }));
      if (links.length) await tx.insert(missionObjectives).values(links).onConflictDoNothing();
    }
  }
  for (const e of data.editions) {
    const rows = await tx
      .insert(gerEditions)
      .values({
        slug: e.slug,
        name: e.name,
        year: e.year,
        kind: e.kind,
        status: "published",
        publicationSlug: e.publication,
        sources: e.sources,
        publishedAt: new Date(Date.UTC(e.year, 0, 1)),
        note: "Published before this platform kept mission snapshots: no mission snapshot recorded.",
      })
      .onConflictDoNothing()
      .returning();
    added += rows.length;
  }
  for (const [position, g] of data.gaps.gaps.entries()) {
    const { missions: slugs, ...gap } = g;
    const [row] = await tx
      .insert(volatilesGaps)
      .values({ ...gap, position })
      .onConflictDoNothing()
      .returning();
    if (!row) continue;
    added++;
    const links = slugs.map((s) => ({ gapId: row.id, missionId: idOf(s, `Gap ${g.code}`) }));
    if (links.length) await tx.insert(volatilesGapMissions).values(links).onConflictDoNothing();
  }
  return added;
}
