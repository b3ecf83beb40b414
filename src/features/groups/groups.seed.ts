import { count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import {
  deliverableStatuses,
  groupChairs,
  groupDeliverables,
  groupKinds,
  groupMemberships,
  groupOutlooks,
  organisations,
  workingGroups,
} from "../../db/schema/index.js";

const partial = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
const precisionOf = (d: string) =>
  (d.length === 4 ? "year" : d.length === 7 ? "month" : "day") as "year" | "month" | "day";
const firstDay = (d: string) => [...d.split("-"), "01", "01"].slice(0, 3).join("-");

/** One group in `data/<dataset>/groups.json`. */
export const datasetGroup = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  acronym: z.string().nullable(),
  name: z.string().min(3),
  kind: z.enum(groupKinds),
  charter: z.string(),
  started: partial.nullable(),
  ended: partial.nullable(),
  uncertain: z.boolean().default(false),
  uncertainNote: z.string().nullable().default(null),
  chairs: z.array(z.object({ label: z.string(), uncertain: z.boolean().default(false) })).default([]),
  members: z
    .array(
      z.object({
        agency: z.string(),
        joined: partial,
        left: partial.nullable().default(null),
        uncertain: z.boolean().default(false),
        note: z.string().nullable().default(null),
      }),
    )
    .default([]),
  /** The group's outlook per year (Markdown), as its annual report states it. */
  outlooks: z
    .array(z.object({ year: z.number().int().min(1990).max(2200), body: z.string().min(10) }))
    .default([]),
  /** Workplan deliverables: what the group produced or is working on, with a link to what it produced. */
  workplan: z
    .array(
      z.object({
        title: z.string().min(3).max(300),
        status: z.enum(deliverableStatuses),
        due: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .nullable()
          .default(null),
        link: z
          .string()
          .regex(/^(https?:\/\/\S+|\/publications\/[a-z0-9-]+)$/)
          .nullable()
          .default(null),
      }),
    )
    .default([]),
  sources: z.array(z.string()).min(1),
});
export type DatasetGroup = z.infer<typeof datasetGroup>;

/** Adds the dataset's groups missing by slug, with their chairs and memberships; existing groups are kept. */
export async function seedGroups(tx: Db, items: DatasetGroup[]): Promise<number> {
  const ids = new Map((await tx.select().from(organisations)).map((o) => [o.acronym, o.id]));
  let added = 0;
  for (const g of items) {
    const [row] = await tx
      .insert(workingGroups)
      .values({
        slug: g.slug,
        acronym: g.acronym,
        name: g.name,
        kind: g.kind,
        charter: g.charter,
        startedOn: g.started ? firstDay(g.started) : null,
        startedPrecision: g.started ? precisionOf(g.started) : null,
        endedOn: g.ended ? firstDay(g.ended) : null,
        endedPrecision: g.ended ? precisionOf(g.ended) : null,
        uncertain: g.uncertain,
        uncertainNote: g.uncertainNote,
        sources: g.sources,
      })
      .onConflictDoNothing()
      .returning({ id: workingGroups.id });
    if (!row) {
      // Loaded earlier: add only what the dataset gained since, never over the secretariat's work.
      const id = await groupIdBySlug(tx, g.slug);
      if (id !== null) await seedWork(tx, id, g, false);
      continue;
    }
    await seedWork(tx, row.id, g, true);
    for (const ch of g.chairs)
      await tx.insert(groupChairs).values({ groupId: row.id, label: ch.label, uncertain: ch.uncertain });
    for (const m of g.members) {
      const organisationId = ids.get(m.agency);
      if (!organisationId) throw new Error(`Group ${g.slug} names unknown agency ${m.agency}.`);
      await tx.insert(groupMemberships).values({
        groupId: row.id,
        organisationId,
        joinedOn: firstDay(m.joined),
        leftOn: m.left ? firstDay(m.left) : null,
        uncertain: m.uncertain,
        note: m.note,
      });
    }
    added++;
  }
  return added;
}

/**
 * A group's yearly outlooks and workplan: all of them for a new group; for an existing one, the
 * outlooks of years it has none for, and the workplan only while it has no deliverables at all.
 */
async function seedWork(tx: Db, groupId: number, g: DatasetGroup, isNew: boolean) {
  if (g.outlooks.length)
    await tx
      .insert(groupOutlooks)
      .values(g.outlooks.map((o) => ({ groupId, year: o.year, body: o.body })))
      .onConflictDoNothing();
  if (!g.workplan.length) return;
  if (!isNew) {
    const [has] = await tx
      .select({ n: count() })
      .from(groupDeliverables)
      .where(eq(groupDeliverables.groupId, groupId));
    if (has!.n > 0) return;
  }
  await tx
    .insert(groupDeliverables)
    .values(
      g.workplan.map((w) => ({ groupId, title: w.title, status: w.status, dueOn: w.due, linkUrl: w.link })),
    );
}

/** The id of a group by slug (for meetings that belong to a group). */
export async function groupIdBySlug(tx: Db, slug: string): Promise<number | null> {
  const [row] = await tx
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .where(eq(workingGroups.slug, slug));
  return row?.id ?? null;
}
