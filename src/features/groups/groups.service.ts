import { and, eq, isNull } from "drizzle-orm";
import { groupChairs, groupMemberships, people, workingGroups } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { AppError, forbidden, invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { findOrganisationByAcronym } from "../directory/directory.queries.js";
import { canCreateGroup, canManageGroup } from "./groups.policy.js";
import { findGroupBySlug, type GroupDetail } from "./groups.queries.js";
import { chairInput, groupInput, groupSlug, joinInput, leaveInput } from "./groups.schemas.js";

function toColumns(raw: unknown) {
  const g = parseInput(groupInput, raw);
  return {
    name: g.name,
    acronym: g.acronym,
    kind: g.kind,
    charter: g.charter,
    startedOn: g.started?.date ?? null,
    startedPrecision: g.started?.precision ?? null,
    endedOn: g.ended?.date ?? null,
    endedPrecision: g.ended?.precision ?? null,
    uncertain: g.uncertain,
    uncertainNote: g.uncertainNote,
  };
}

/** Loads a group and checks that the actor may manage it. */
export async function loadManagedGroup(deps: Deps, actor: Actor, slug: string): Promise<GroupDetail> {
  const group = await findGroupBySlug(deps.db, slug);
  if (!group) throw notFound("The group");
  if (!canManageGroup(actor, group))
    throw forbidden("Only the secretariat or this group's chair can do this.");
  return group;
}

/** Creates a working group or team (secretariat only); the address comes from the acronym or name. */
export async function createGroup(deps: Deps, actor: Actor, raw: unknown) {
  if (!canCreateGroup(actor)) throw forbidden("Only the secretariat creates groups.");
  const columns = toColumns(raw);
  const slug = groupSlug(columns.acronym ?? columns.name);
  if (!slug) throw invalid({ name: "Use letters or digits in the name." });
  const [taken] = await deps.db
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .where(eq(workingGroups.slug, slug));
  if (taken) throw invalid({ acronym: `Another group already uses the address /groups/${slug}.` });
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(workingGroups)
      .values({ ...columns, slug })
      .returning();
    await audit({
      action: "group.create",
      subjectType: "group",
      subjectId: row!.id,
      summary: `Created group ${row!.name}`,
    });
    return row!;
  });
}

/** Changes a group's name, charter and dates (secretariat or the group's chair). */
export async function updateGroup(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  const before = await loadManagedGroup(deps, actor, slug);
  const columns = toColumns(raw);
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .update(workingGroups)
      .set({ ...columns, updatedAt: deps.now() })
      .where(eq(workingGroups.id, before.id))
      .returning();
    await audit({
      action: "group.update",
      subjectType: "group",
      subjectId: before.id,
      summary: `Updated group ${row!.name}`,
      details: { before: { ...before, memberships: undefined, chairs: undefined }, after: row },
    });
    return row!;
  });
}

/** An agency joins a group (participation is optional; the secretariat or the chair records it). */
export async function createGroupMember(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  const group = await loadManagedGroup(deps, actor, slug);
  const input = parseInput(joinInput, raw);
  const org = await findOrganisationByAcronym(deps.db, input.organisation);
  if (!org) throw invalid({ organisation: `There is no member organisation ${input.organisation}.` });
  if (group.memberships.some((m) => m.organisationId === org.id && m.leftOn === null))
    throw invalid({ organisation: `${org.acronym} already takes part in this group.` });
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(groupMemberships)
      .values({ groupId: group.id, organisationId: org.id, joinedOn: input.joined, note: input.note })
      .returning();
    await audit({
      action: "group.member.join",
      subjectType: "group",
      subjectId: group.id,
      summary: `${org.acronym} joined ${group.name} on ${input.joined}`,
    });
    return row!;
  });
}

/** An agency leaves a group: the membership gets its end date and stays in the history. */
export async function endGroupMembership(
  deps: Deps,
  actor: Actor,
  slug: string,
  membershipId: number,
  raw: unknown,
) {
  const group = await loadManagedGroup(deps, actor, slug);
  const membership = group.memberships.find((m) => m.id === membershipId);
  if (!membership) throw notFound("The membership");
  if (membership.leftOn) throw new AppError("conflict", `${membership.acronym} has already left this group.`);
  const { left } = parseInput(leaveInput, raw);
  if (left < membership.joinedOn)
    throw invalid({
      left: `${membership.acronym} joined on ${membership.joinedOn}; leaving cannot be earlier.`,
    });
  await write(deps, actor, async (tx, audit) => {
    await tx
      .update(groupMemberships)
      .set({ leftOn: left })
      .where(and(eq(groupMemberships.id, membershipId), isNull(groupMemberships.leftOn)));
    await audit({
      action: "group.member.leave",
      subjectType: "group",
      subjectId: group.id,
      summary: `${membership.acronym} left ${group.name} on ${left}`,
    });
  });
}

/** Appoints a chair: a person with the chair role, or a free-text label (secretariat only). */
export async function createGroupChair(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  if (!canCreateGroup(actor)) throw forbidden("Only the secretariat appoints chairs.");
  const group = await findGroupBySlug(deps.db, slug);
  if (!group) throw notFound("The group");
  const input = parseInput(chairInput, raw);
  if (input.person !== undefined) {
    const [person] = await deps.db.select().from(people).where(eq(people.id, input.person));
    if (!person?.roles.includes("chair"))
      throw invalid({ person: "Choose a person who holds the chair role." });
    if (group.chairPersonIds.includes(person.id))
      throw invalid({ person: `${person.name} already chairs this group.` });
  }
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(groupChairs)
      .values({ groupId: group.id, personId: input.person ?? null, label: input.label })
      .returning();
    await audit({
      action: "group.chair.add",
      subjectType: "group",
      subjectId: group.id,
      summary: `Added a chair to ${group.name}`,
      details: { chair: row },
    });
    return row!;
  });
}

/** Removes a chair (secretariat only); the audit log keeps who it was. */
export async function deleteGroupChair(deps: Deps, actor: Actor, slug: string, chairId: number) {
  if (!canCreateGroup(actor)) throw forbidden("Only the secretariat removes chairs.");
  const group = await findGroupBySlug(deps.db, slug);
  const chair = group?.chairs.find((c) => c.id === chairId);
  if (!group || !chair) throw notFound("The chair");
  await write(deps, actor, async (tx, audit) => {
    await tx.delete(groupChairs).where(eq(groupChairs.id, chairId));
    await audit({
      action: "group.chair.remove",
      subjectType: "group",
      subjectId: group.id,
      summary: `Removed a chair of ${group.name}`,
      details: { chair },
    });
  });
}
