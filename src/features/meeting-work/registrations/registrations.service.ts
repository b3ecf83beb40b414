import { and, eq } from "drizzle-orm";
import { meetingAttendance, meetingRegistrations } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import type { Actor } from "../../../http/actor.js";
import { AppError, forbidden, invalid, notFound } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { write } from "../../../kit/write.js";
import { findMeetingBySlug, type MeetingDetail } from "../../meetings/meetings.queries.js";
import { attendanceModesFor, canManageMeetingWork, canRegister } from "../meeting-work.policy.js";
import {
  attendedFlagInput,
  attendedInput,
  registrationInput,
  registrationModeLabels,
} from "../meeting-work.schemas.js";
import { listRegistrations, type Registration } from "./registrations.queries.js";

/** Registrations grouped by agency ("Secretariat" for people without one), in list order. */
export function byAgency(rows: Registration[]): Array<{ agency: string; people: Registration[] }> {
  const groups = new Map<string, Registration[]>();
  for (const r of rows) {
    const key = r.agency ?? "Secretariat";
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups].map(([agency, list]) => ({ agency, people: list }));
}

async function loadMeeting(deps: Deps, slug: string): Promise<MeetingDetail> {
  const m = await findMeetingBySlug(deps.db, slug);
  if (!m) throw notFound("The meeting");
  return m;
}

const closed = () => new AppError("conflict", "Registration closed when the meeting started.");

/** Registers the actor for a meeting, or changes how they attend (until the meeting starts). */
export async function registerForMeeting(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  if (actor.kind !== "person") throw forbidden("Sign in to register.");
  const m = await loadMeeting(deps, slug);
  if (!canRegister(actor, m, deps.now())) throw closed();
  const { attendance } = parseInput(registrationInput, raw);
  const modes = attendanceModesFor(m.mode);
  if (!modes.includes(attendance))
    throw invalid({
      attendance: `This meeting can only be attended ${modes.map((x) => registrationModeLabels[x].toLowerCase()).join(" or ")}.`,
    });
  return write(
    deps,
    actor,
    async (tx, audit) => {
      const [row] = await tx
        .insert(meetingRegistrations)
        .values({ meetingId: m.id, personId: actor.id, attendance })
        .onConflictDoUpdate({
          target: [meetingRegistrations.meetingId, meetingRegistrations.personId],
          set: { attendance, updatedAt: deps.now() },
        })
        .returning();
      await audit({
        action: "meeting.register",
        subjectType: "meeting",
        subjectId: m.id,
        summary: `${actor.name} registered for ${m.title} (${registrationModeLabels[attendance].toLowerCase()})`,
      });
      return row!;
    },
    { invalidatesPages: false },
  );
}

/** Cancels the actor's own registration (until the meeting starts). */
export async function cancelRegistration(deps: Deps, actor: Actor, slug: string) {
  if (actor.kind !== "person") throw forbidden("Sign in to cancel a registration.");
  const m = await loadMeeting(deps, slug);
  if (!canRegister(actor, m, deps.now())) throw closed();
  await write(
    deps,
    actor,
    async (tx, audit) => {
      const gone = await tx
        .delete(meetingRegistrations)
        .where(and(eq(meetingRegistrations.meetingId, m.id), eq(meetingRegistrations.personId, actor.id)))
        .returning();
      // Cancelling twice is harmless: there is nothing left to cancel.
      if (!gone.length) return;
      await audit({
        action: "meeting.unregister",
        subjectType: "meeting",
        subjectId: m.id,
        summary: `${actor.name} cancelled their registration for ${m.title}`,
      });
    },
    { invalidatesPages: false },
  );
}

/**
 * Marks who attended (managers): the listed registrations attended, the others did not. The
 * agency of everyone marked is added to the meeting's attendance record, which is what counts.
 */
export async function markAttended(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  const m = await loadMeeting(deps, slug);
  if (!canManageMeetingWork(actor, m))
    throw forbidden("Only the secretariat or the group's chair marks who attended.");
  const { attended } = parseInput(attendedInput, raw);
  const rows = await listRegistrations(deps.db, m.id);
  const known = new Set(rows.map((r) => r.id));
  if (attended.some((id) => !known.has(id)))
    throw invalid({ attended: "Choose registrations of this meeting." });
  const chosen = new Set(attended);
  const agencies = [
    ...new Set(rows.filter((r) => chosen.has(r.id) && r.organisationId).map((r) => r.organisationId!)),
  ];
  await write(deps, actor, async (tx, audit) => {
    for (const r of rows)
      if (r.attended !== chosen.has(r.id))
        await tx
          .update(meetingRegistrations)
          .set({ attended: chosen.has(r.id), updatedAt: deps.now() })
          .where(eq(meetingRegistrations.id, r.id));
    if (agencies.length)
      await tx
        .insert(meetingAttendance)
        .values(agencies.map((organisationId) => ({ meetingId: m.id, organisationId })))
        .onConflictDoNothing();
    await audit({
      action: "meeting.attended",
      subjectType: "meeting",
      subjectId: m.id,
      summary: `Marked ${chosen.size} of ${rows.length} registered people as attended at ${m.title}`,
      details: { attended: rows.filter((r) => chosen.has(r.id)).map((r) => r.name) },
    });
  });
}

/** Marks one registration as attended or not (managers), keeping the others as they are. */
export async function setAttended(deps: Deps, actor: Actor, slug: string, id: number, raw: unknown) {
  const m = await loadMeeting(deps, slug);
  if (!canManageMeetingWork(actor, m))
    throw forbidden("Only the secretariat or the group's chair marks who attended.");
  const { attended } = parseInput(attendedFlagInput, raw);
  const rows = await listRegistrations(deps.db, m.id);
  if (!rows.some((r) => r.id === id)) throw notFound("The registration");
  const ids = rows.filter((r) => (r.id === id ? attended : r.attended)).map((r) => r.id);
  await markAttended(deps, actor, slug, { attended: ids });
}
