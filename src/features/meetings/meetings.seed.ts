import { count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import {
  meetingAttendance,
  meetingKinds,
  meetingModes,
  meetings,
  organisations,
} from "../../db/schema/index.js";
import { isTimeZone, zonedToInstant } from "../../domain/time-zones.js";
import { groupIdBySlug } from "../groups/groups.seed.js";

const partial = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/** One meeting in `data/<dataset>/meetings.json`: dates as precise as known, local to `timeZone`. */
export const datasetMeeting = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  kind: z.enum(meetingKinds),
  title: z.string().min(3),
  host: z.string().nullable(),
  place: z.string().nullable(),
  start: partial,
  end: partial.nullable(),
  timeZone: z.string().refine(isTimeZone, "Unknown time zone."),
  mode: z.enum(meetingModes),
  group: z.string().nullable().default(null),
  summary: z.string().default(""),
  attending: z.array(z.string()).default([]),
  reportedAttendance: z.number().int().nonnegative().nullable().default(null),
  uncertain: z.boolean().default(false),
  uncertainNote: z.string().nullable().default(null),
  sources: z.array(z.string()).min(1),
});
export type DatasetMeeting = z.infer<typeof datasetMeeting>;

const precisionOf = (d: string) =>
  (d.length === 4 ? "year" : d.length === 7 ? "month" : "day") as "year" | "month" | "day";
const firstDay = (d: string) => [...d.split("-"), "01", "01"].slice(0, 3).join("-");

/** Adds the dataset's meetings missing by slug, with their attending agencies; existing ones are kept. */
export async function seedMeetings(tx: Db, items: DatasetMeeting[]): Promise<number> {
  const ids = new Map((await tx.select().from(organisations)).map((o) => [o.acronym, o.id]));
  const agency = (acronym: string, slug: string) => {
    const id = ids.get(acronym);
    if (!id) throw new Error(`Meeting ${slug} names unknown agency ${acronym}.`);
    return id;
  };
  let added = 0;
  for (const m of items) {
    // Old records know days at best: a day runs from local midnight to local midnight.
    const startsAt = zonedToInstant(firstDay(m.start), m.timeZone)!;
    const endsAt = m.end ? zonedToInstant(firstDay(m.end), m.timeZone)! : startsAt;
    const [row] = await tx
      .insert(meetings)
      .values({
        slug: m.slug,
        kind: m.kind,
        title: m.title,
        hostOrganisationId: m.host ? agency(m.host, m.slug) : null,
        place: m.place,
        startsAt,
        endsAt,
        timeZone: m.timeZone,
        precision: precisionOf(m.start),
        mode: m.mode,
        groupId: m.group ? await groupIdBySlug(tx, m.group) : null,
        summary: m.summary,
        public: true,
        reportedAttendance: m.reportedAttendance,
        uncertain: m.uncertain,
        uncertainNote: m.uncertainNote,
        sources: m.sources,
        createdAt: startsAt,
        updatedAt: startsAt,
      })
      .onConflictDoNothing()
      .returning({ id: meetings.id });
    if (row) added++;
    await fillAttendance(tx, row?.id ?? null, m, agency);
  }
  return added;
}

/**
 * Records the dataset's attending agencies: for a new meeting, or for one loaded earlier that has
 * no attendance yet (a list added to the dataset later); a meeting with attendance is left alone.
 */
async function fillAttendance(
  tx: Db,
  newId: number | null,
  m: DatasetMeeting,
  agency: (acronym: string, slug: string) => number,
) {
  if (!m.attending.length) return;
  let meetingId = newId;
  if (meetingId === null) {
    const [existing] = await tx
      .select({ id: meetings.id, n: count(meetingAttendance.organisationId) })
      .from(meetings)
      .leftJoin(meetingAttendance, eq(meetingAttendance.meetingId, meetings.id))
      .where(eq(meetings.slug, m.slug))
      .groupBy(meetings.id);
    if (!existing || existing.n > 0) return;
    meetingId = existing.id;
  }
  await tx
    .insert(meetingAttendance)
    .values(m.attending.map((a) => ({ meetingId: meetingId!, organisationId: agency(a, m.slug) })));
}
