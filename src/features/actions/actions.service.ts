import { eq, sql } from "drizzle-orm";
import { actionEvents, actionItems, meetings, people } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { findOrganisationByAcronym } from "../directory/directory.queries.js";
import { chairPersonIds, findGroupBySlug } from "../groups/groups.queries.js";
import { canManageAction, canRaiseActions, canUpdateActionStatus } from "./actions.policy.js";
import { type ActionDetail, findActionByNumber } from "./actions.queries.js";
import { actionInput, actionStatusLabels, statusInput } from "./actions.schemas.js";

const MANAGE_MESSAGE = "Only the secretariat, or the chair of the action's group, manages this action.";

/** Finds a meeting by its address, or throws a field error naming `field`. */
async function meetingBySlug(deps: Deps, slug: string | null, field: string) {
  if (!slug) return null;
  const [m] = await deps.db
    .select({ id: meetings.id, groupId: meetings.groupId, title: meetings.title })
    .from(meetings)
    .where(eq(meetings.slug, slug.toLowerCase()));
  if (!m) throw invalid({ [field]: `There is no meeting ${slug}.` });
  return m;
}

/** Parses an action and resolves its owner, group and meeting to ids; checks who may manage it. */
async function toColumns(deps: Deps, actor: Actor, raw: unknown) {
  const a = parseInput(actionInput, raw);
  const org = a.ownerAgency ? await findOrganisationByAcronym(deps.db, a.ownerAgency) : undefined;
  if (a.ownerAgency && !org)
    throw invalid({ ownerAgency: `There is no member organisation ${a.ownerAgency}.` });
  const [person] = a.ownerPerson
    ? await deps.db.select().from(people).where(eq(people.id, a.ownerPerson))
    : [];
  if (a.ownerPerson && (!person?.active || person.organisationId === null))
    throw invalid({ ownerPerson: "Choose an active representative of a member agency." });
  if (org && person && person.organisationId !== org.id)
    throw invalid({ ownerPerson: `This person does not represent ${org.acronym}.` });
  const group = a.group ? await findGroupBySlug(deps.db, a.group) : undefined;
  if (a.group && !group) throw invalid({ group: `There is no group ${a.group}.` });
  const meeting = await meetingBySlug(deps, a.meeting, "meeting");
  const groupId = group?.id ?? meeting?.groupId ?? null;
  const chairs = groupId ? await chairPersonIds(deps.db, groupId) : null;
  if (!canManageAction(actor, { group: chairs ? { chairPersonIds: chairs } : null }))
    throw forbidden(
      "Chairs raise and manage actions of the groups they chair; other actions are the secretariat's.",
    );
  return {
    columns: {
      title: a.title,
      description: a.description,
      ownerOrganisationId: org?.id ?? person?.organisationId ?? null,
      ownerPersonId: person?.id ?? null,
      dueOn: a.due,
      status: a.status,
      groupId,
      raisedInMeetingId: meeting?.id ?? null,
    },
  };
}

const actorFields = (actor: Actor) => ({
  actorId: actor.kind === "person" ? actor.id : null,
  actorName: actor.kind === "person" ? actor.name : actor.kind === "system" ? actor.name : "visitor",
});

/** Any constant works: only the transactions numbering actions take this lock. */
const ACTION_NUMBER_LOCK = 727_002;

/** Raises an action (secretariat anywhere; a chair in their group). Its number is the next free one. */
export async function createAction(deps: Deps, actor: Actor, raw: unknown) {
  if (!canRaiseActions(actor)) throw forbidden("Only the secretariat and group chairs raise actions.");
  const { columns } = await toColumns(deps, actor, raw);
  return write(
    deps,
    actor,
    async (tx, audit) => {
      // One number at a time: without the lock, two actions raised at once on a PostgreSQL server
      // would both read the same highest number and the second would fail on the unique index.
      await tx.execute(sql`select pg_advisory_xact_lock(${ACTION_NUMBER_LOCK})`);
      const [row] = await tx
        .insert(actionItems)
        .values({
          ...columns,
          number: sql`(select coalesce(max(${actionItems.number}), 0) + 1 from ${actionItems})`,
          createdAt: deps.now(),
          updatedAt: deps.now(),
        })
        .returning();
      await tx.insert(actionEvents).values({
        actionId: row!.id,
        toStatus: row!.status,
        meetingId: row!.raisedInMeetingId,
        note: "Action raised.",
        at: deps.now(),
        ...actorFields(actor),
      });
      await audit({
        action: "action.create",
        subjectType: "action",
        subjectId: row!.number,
        summary: `Raised action A-${row!.number}: ${row!.title}`,
      });
      return row!;
    },
    { invalidatesPages: false },
  );
}

/** Loads an action by number and checks the actor may manage it. */
export async function loadManagedAction(deps: Deps, actor: Actor, number: number): Promise<ActionDetail> {
  const action = await findActionByNumber(deps.db, number);
  if (!action) throw notFound("The action");
  if (!canManageAction(actor, action)) throw forbidden(MANAGE_MESSAGE);
  return action;
}

/** Changes an action's title, owner, due date or status (managers only); status changes are logged. */
export async function updateAction(deps: Deps, actor: Actor, number: number, raw: unknown) {
  const before = await loadManagedAction(deps, actor, number);
  const { columns } = await toColumns(deps, actor, raw);
  return write(
    deps,
    actor,
    async (tx, audit) => {
      const [row] = await tx
        .update(actionItems)
        .set({ ...columns, updatedAt: deps.now() })
        .where(eq(actionItems.id, before.id))
        .returning();
      if (row!.status !== before.status || row!.dueOn !== before.dueOn) {
        const moved =
          row!.dueOn !== before.dueOn ? `Due date moved from ${before.dueOn} to ${row!.dueOn}.` : null;
        await tx.insert(actionEvents).values({
          actionId: before.id,
          fromStatus: before.status,
          toStatus: row!.status,
          note: moved ?? "Edited.",
          at: deps.now(),
          ...actorFields(actor),
        });
      }
      await audit({
        action: "action.update",
        subjectType: "action",
        subjectId: number,
        summary: `Updated action A-${number}`,
        details: { before: { ...before, history: undefined, group: undefined }, after: row },
      });
      return row!;
    },
    { invalidatesPages: false },
  );
}

/** The owner (or a manager) records a status change, a note, or a review at a meeting. */
export async function updateActionStatus(deps: Deps, actor: Actor, number: number, raw: unknown) {
  const action = await findActionByNumber(deps.db, number);
  if (!action) throw notFound("The action");
  if (!canUpdateActionStatus(actor, action))
    throw forbidden(
      "Only the action's owner, their agency's focal point, or the action's managers update it.",
    );
  const input = parseInput(statusInput, raw);
  const meeting = await meetingBySlug(deps, input.meeting, "meeting");
  if (input.status === action.status && !input.note && !meeting)
    throw invalid({
      status: "Change the status, add a note, or record the meeting at which it was reviewed.",
    });
  return write(
    deps,
    actor,
    async (tx, audit) => {
      const [row] = await tx
        .update(actionItems)
        .set({ status: input.status, updatedAt: deps.now() })
        .where(eq(actionItems.id, action.id))
        .returning();
      await tx.insert(actionEvents).values({
        actionId: action.id,
        fromStatus: action.status,
        toStatus: input.status,
        meetingId: meeting?.id ?? null,
        note: input.note,
        at: deps.now(),
        ...actorFields(actor),
      });
      await audit({
        action: "action.status",
        subjectType: "action",
        subjectId: number,
        summary: `A-${number}: ${actionStatusLabels[action.status]} → ${actionStatusLabels[input.status]}${meeting ? ` (reviewed at ${meeting.title})` : ""}`,
      });
      return row!;
    },
    { invalidatesPages: false },
  );
}
