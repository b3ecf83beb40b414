import { eq } from "drizzle-orm";
import { meetingAttendance, meetings } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { dayRange, withinMeetingDays } from "../../domain/meeting-sessions.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { plural } from "../../web/words.js";
import { findOrganisationByAcronym, listOrganisations } from "../directory/directory.queries.js";
import { findGroupBySlug } from "../groups/groups.queries.js";
import { groupSlug } from "../groups/groups.schemas.js";
import { canManageMeeting, canPlanMeetings, canRecordAttendance } from "./meetings.policy.js";
import { findMeetingBySlug, type MeetingDetail } from "./meetings.queries.js";
import { attendanceInput, meetingInput } from "./meetings.schemas.js";
import { listSessions } from "./sessions.queries.js";

/** Parses a meeting and resolves its host and group; checks the actor may manage a meeting of that group. */
async function toColumns(deps: Deps, actor: Actor, raw: unknown) {
  const m = parseInput(meetingInput, raw);
  const host = m.host ? await findOrganisationByAcronym(deps.db, m.host) : undefined;
  if (m.host && !host) throw invalid({ host: `There is no member organisation ${m.host}.` });
  const group = m.group ? await findGroupBySlug(deps.db, m.group) : undefined;
  if (m.group && !group) throw invalid({ group: `There is no group ${m.group}.` });
  if (!canManageMeeting(actor, { group: group ?? null }))
    throw forbidden("Chairs plan meetings of the groups they chair; other meetings are the secretariat's.");
  return {
    title: m.title,
    kind: m.kind,
    hostOrganisationId: host?.id ?? null,
    place: m.place,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    timeZone: m.timeZone,
    precision: "time" as const,
    mode: m.mode,
    videoUrl: m.videoUrl,
    groupId: group?.id ?? null,
    summary: m.summary,
    public: m.public,
    uncertain: m.uncertain,
    uncertainNote: m.uncertainNote,
  };
}

/** Loads a meeting and checks the actor may manage it. */
export async function loadManagedMeeting(deps: Deps, actor: Actor, slug: string): Promise<MeetingDetail> {
  const m = await findMeetingBySlug(deps.db, slug);
  if (!m) throw notFound("The meeting");
  if (!canManageMeeting(actor, m))
    throw forbidden("Only the secretariat or the group's chair manages this meeting.");
  return m;
}

/** Plans a meeting (secretariat; a chair for their group). The address is the start date and title. */
export async function createMeeting(deps: Deps, actor: Actor, raw: unknown) {
  if (!canPlanMeetings(actor)) throw forbidden("Only the secretariat and group chairs plan meetings.");
  const columns = await toColumns(deps, actor, raw);
  const slug = groupSlug(`${columns.startsAt.toISOString().slice(0, 10)} ${columns.title}`);
  if (await findMeetingBySlug(deps.db, slug))
    throw invalid({ title: "A meeting with this title already starts that day." });
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(meetings)
      .values({ ...columns, slug })
      .returning();
    await audit({
      action: "meeting.create",
      subjectType: "meeting",
      subjectId: row!.id,
      summary: `Planned ${row!.title}`,
    });
    return row!;
  });
}

/** Changes a meeting. */
export async function updateMeeting(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  const before = await loadManagedMeeting(deps, actor, slug);
  const columns = await toColumns(deps, actor, raw);
  // The programme stays within the meeting's dates: new dates must still hold every session.
  const outside = (await listSessions(deps.db, before.id)).filter((s) => !withinMeetingDays(s, columns));
  if (outside.length)
    throw invalid({
      start: `The programme has sessions outside ${dayRange(columns)}: ${outside.map((s) => s.title).join(", ")}. Move or remove them first.`,
    });
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .update(meetings)
      .set({ ...columns, updatedAt: deps.now() })
      .where(eq(meetings.id, before.id))
      .returning();
    await audit({
      action: "meeting.update",
      subjectType: "meeting",
      subjectId: before.id,
      summary: `Updated ${row!.title}`,
      details: { before: { ...before, attending: undefined, group: undefined }, after: row },
    });
    return row!;
  });
}

/** Records which agencies attended (secretariat only): replaces the list in one transaction. */
export async function recordAttendance(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  if (!canRecordAttendance(actor)) throw forbidden("The secretariat records attendance.");
  const m = await findMeetingBySlug(deps.db, slug);
  if (!m) throw notFound("The meeting");
  const input = parseInput(attendanceInput, raw);
  // Nobody has attended a meeting that has not begun; a list recorded early would show as fact.
  if (
    m.startsAt.getTime() > deps.now().getTime() &&
    (input.agencies.length || input.reportedAttendance !== null)
  )
    throw invalid({ agencies: "Attendance can be recorded once the meeting has started." });
  const orgs = await listOrganisations(deps.db);
  const byAcronym = new Map(orgs.map((o) => [o.acronym.toLowerCase(), o]));
  const unknown = input.agencies.filter((a) => !byAcronym.has(a.toLowerCase()));
  if (unknown.length) throw invalid({ agencies: `Unknown agencies: ${unknown.join(", ")}.` });
  const ids = input.agencies.map((a) => byAcronym.get(a.toLowerCase())!.id);
  await write(deps, actor, async (tx, audit) => {
    await tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, m.id));
    if (ids.length)
      await tx
        .insert(meetingAttendance)
        .values(ids.map((organisationId) => ({ meetingId: m.id, organisationId })));
    await tx
      .update(meetings)
      .set({ reportedAttendance: input.reportedAttendance, updatedAt: deps.now() })
      .where(eq(meetings.id, m.id));
    await audit({
      action: "meeting.attendance",
      subjectType: "meeting",
      subjectId: m.id,
      summary: `Recorded attendance of ${m.title}: ${plural(ids.length, "agency", "agencies")}`,
      details: { before: m.attending.map((a) => a.acronym), after: input.agencies },
    });
  });
}
