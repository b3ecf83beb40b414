import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { type ActionStatus, meetings } from "../../db/schema/index.js";
import type { Person } from "../../http/actor.js";
import { hasRole } from "../../http/actor.js";
import { findOrganisationByAcronym } from "../directory/directory.queries.js";
import { findGroupBySlug } from "../groups/groups.queries.js";
import type { ResolvedFilters } from "./actions.queries.js";
import { actionFilters, liveStatuses } from "./actions.schemas.js";

/** The filters as the page shows them back (names, not ids). */
export type ShownFilters = { status: string; agency: string; group: string; meeting: string; mine: boolean };

/**
 * Reads the register's filters from the address. A member of an agency starts on their agency's
 * actions; `agency=all` shows every agency's (all members may look: the register is shared).
 */
export async function resolveActionFilters(
  db: Db,
  actor: Person,
  query: Record<string, string | undefined>,
): Promise<{ resolved: ResolvedFilters; shown: ShownFilters; unknown: string[] }> {
  const f = actionFilters.parse(query);
  const ownDefault =
    actor.organisationAcronym && !hasRole(actor, "secretariat") ? actor.organisationAcronym : "all";
  const agency = f.agency === undefined || f.agency === "" ? ownDefault : f.agency;
  const unknown: string[] = [];
  // The actor's own agency (the default) is known from the session: no statement to look it up.
  const own =
    actor.organisationId !== null && actor.organisationAcronym !== null
      ? { id: actor.organisationId, acronym: actor.organisationAcronym }
      : null;
  const org =
    agency.toLowerCase() === "all"
      ? null
      : own && agency.toLowerCase() === own.acronym.toLowerCase()
        ? own
        : await findOrganisationByAcronym(db, agency);
  if (agency.toLowerCase() !== "all" && !org) unknown.push(`agency ${agency}`);
  const group = f.group ? await findGroupBySlug(db, f.group) : undefined;
  if (f.group && !group) unknown.push(`group ${f.group}`);
  const [meeting] = f.meeting
    ? await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.slug, f.meeting.toLowerCase()))
    : [];
  if (f.meeting && !meeting) unknown.push(`meeting ${f.meeting}`);
  const statuses: ActionStatus[] | null =
    f.status === "all" ? null : f.status === "live" ? [...liveStatuses] : [f.status];
  return {
    resolved: {
      statuses,
      // An unknown name matches nothing rather than silently showing everything.
      organisationId: org ? org.id : agency.toLowerCase() === "all" ? null : -1,
      groupId: group ? group.id : f.group ? -1 : null,
      meetingId: meeting ? meeting.id : f.meeting ? -1 : null,
      mine: f.mine
        ? { personId: actor.id, organisationId: hasRole(actor, "focal_point") ? actor.organisationId : null }
        : null,
    },
    shown: {
      status: f.status,
      agency: org ? org.acronym : "all",
      group: f.group ?? "",
      meeting: f.meeting ?? "",
      mine: f.mine,
    },
    unknown,
  };
}

/** The register's address with these filters (and a page). */
export function actionsHref(f: ShownFilters, page = 1): string {
  const q = new URLSearchParams();
  if (f.status !== "live") q.set("status", f.status);
  q.set("agency", f.agency);
  if (f.group) q.set("group", f.group);
  if (f.meeting) q.set("meeting", f.meeting);
  if (f.mine) q.set("mine", "1");
  if (page > 1) q.set("page", String(page));
  return `/private/actions?${q.toString()}`;
}
