import type { Db } from "../../db/client.js";
import { technologies, technologyAreas } from "../../db/schema/index.js";
import type { DatasetTechnology } from "./technology.schemas.js";

/**
 * Inserts the dataset's areas and technologies that are not there yet (by code); existing ones
 * keep the secretariat's later edits. Returns how many records were added.
 */
export async function seedTechnology(tx: Db, data: DatasetTechnology | undefined): Promise<number> {
  if (!data || (data.areas.length === 0 && data.technologies.length === 0)) return 0;
  let added = 0;
  for (const [position, a] of data.areas.entries()) {
    const rows = await tx
      .insert(technologyAreas)
      .values({ code: a.code, name: a.name, description: a.description, position })
      .onConflictDoNothing()
      .returning({ id: technologyAreas.id });
    added += rows.length;
  }
  const areaIds = new Map(
    (await tx.select({ id: technologyAreas.id, code: technologyAreas.code }).from(technologyAreas)).map(
      (a) => [a.code, a.id],
    ),
  );
  for (const t of data.technologies) {
    const areaId = areaIds.get(t.area);
    if (!areaId) throw new Error(`Technology ${t.code} names unknown area ${t.area}.`);
    const rows = await tx
      .insert(technologies)
      .values({
        code: t.code,
        areaId,
        title: t.title,
        description: t.description,
        destinations: t.destinations,
        uncertain: t.uncertain,
        uncertainNote: t.uncertainNote,
        sources: t.sources,
      })
      .onConflictDoNothing()
      .returning({ id: technologies.id });
    added += rows.length;
  }
  return added;
}
