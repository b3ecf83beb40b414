import { and, eq } from "drizzle-orm";
import { groupDeliverables, groupOutlooks, people } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { findOrganisationByAcronym } from "../directory/directory.queries.js";
import { loadManagedGroup } from "../groups/groups.service.js";
import { deliverableInput, outlookInput } from "./workplan.schemas.js";

/** Parses a deliverable and resolves its owner (an agency, a person of an agency, or nobody yet). */
async function toColumns(deps: Deps, raw: unknown) {
  const d = parseInput(deliverableInput, raw);
  const org = d.ownerAgency ? await findOrganisationByAcronym(deps.db, d.ownerAgency) : undefined;
  if (d.ownerAgency && !org)
    throw invalid({ ownerAgency: `There is no member organisation ${d.ownerAgency}.` });
  const [person] = d.ownerPerson
    ? await deps.db.select().from(people).where(eq(people.id, d.ownerPerson))
    : [];
  if (d.ownerPerson && !person?.active) throw invalid({ ownerPerson: "Choose an active person." });
  if (org && person && person.organisationId !== org.id)
    throw invalid({ ownerPerson: `This person does not represent ${org.acronym}.` });
  return {
    title: d.title,
    ownerOrganisationId: org?.id ?? person?.organisationId ?? null,
    ownerPersonId: person?.id ?? null,
    dueOn: d.due,
    status: d.status,
    linkUrl: d.link,
  };
}

/** Adds a deliverable to a group's workplan (the group's chair or the secretariat). */
export async function createDeliverable(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  const group = await loadManagedGroup(deps, actor, slug);
  const columns = await toColumns(deps, raw);
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(groupDeliverables)
      .values({ ...columns, groupId: group.id, createdAt: deps.now(), updatedAt: deps.now() })
      .returning();
    await audit({
      action: "group.deliverable.add",
      subjectType: "group",
      subjectId: group.id,
      summary: `Added deliverable “${row!.title}” to ${group.name}`,
    });
    return row!;
  });
}

/** Changes a deliverable of a group's workplan: its status, due date, owner or what it produced. */
export async function updateDeliverable(deps: Deps, actor: Actor, slug: string, id: number, raw: unknown) {
  const group = await loadManagedGroup(deps, actor, slug);
  const [before] = await deps.db
    .select()
    .from(groupDeliverables)
    .where(and(eq(groupDeliverables.id, id), eq(groupDeliverables.groupId, group.id)));
  if (!before) throw notFound("The deliverable");
  const columns = await toColumns(deps, raw);
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .update(groupDeliverables)
      .set({ ...columns, updatedAt: deps.now() })
      .where(eq(groupDeliverables.id, id))
      .returning();
    await audit({
      action: "group.deliverable.update",
      subjectType: "group",
      subjectId: group.id,
      summary: `Updated deliverable “${row!.title}” of ${group.name}`,
      details: { before, after: row },
    });
    return row!;
  });
}

/** Writes (or rewrites) a group's outlook for a year. */
export async function saveOutlook(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  const group = await loadManagedGroup(deps, actor, slug);
  const input = parseInput(outlookInput, raw);
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(groupOutlooks)
      .values({ groupId: group.id, year: input.year, body: input.body, updatedAt: deps.now() })
      .onConflictDoUpdate({
        target: [groupOutlooks.groupId, groupOutlooks.year],
        set: { body: input.body, updatedAt: deps.now() },
      })
      .returning();
    await audit({
      action: "group.outlook.save",
      subjectType: "group",
      subjectId: group.id,
      summary: `Saved the ${input.year} outlook of ${group.name}`,
    });
    return row!;
  });
}
