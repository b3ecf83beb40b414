import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, notFound } from "../../http/errors.js";
import { findMeetingBySlug, type MeetingDetail } from "../meetings/meetings.queries.js";
import { canManageMeetingWork } from "./meeting-work.policy.js";

/** Loads a meeting the actor manages (agenda, decisions, minutes, attendance). */
export async function loadManagedMeetingWork(deps: Deps, actor: Actor, slug: string): Promise<MeetingDetail> {
  const m = await findMeetingBySlug(deps.db, slug);
  if (!m) throw notFound("The meeting");
  if (!canManageMeetingWork(actor, m))
    throw forbidden("Only the secretariat or the group's chair manages this meeting.");
  return m;
}
