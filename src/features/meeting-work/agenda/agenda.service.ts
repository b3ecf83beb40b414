import { eq, sql } from "drizzle-orm";
import { agendaItems } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import type { Actor } from "../../../http/actor.js";
import { invalid, notFound } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { write } from "../../../kit/write.js";
import { findOrganisationByAcronym, findPerson } from "../../directory/directory.queries.js";
import { agendaItemInput, moveInput } from "../meeting-work.schemas.js";
import { loadManagedMeetingWork } from "../meeting-work.service.js";
import { type AgendaItem, findAgendaItem, listAgenda } from "./agenda.queries.js";

/** Loads an agenda item of a managed meeting. */
export async function loadManagedItem(deps: Deps, actor: Actor, slug: string, id: number) {
  const m = await loadManagedMeetingWork(deps, actor, slug);
  const item = await findAgendaItem(deps.db, m.id, id);
  if (!item) throw notFound("The agenda item");
  return { m, item };
}

/** Parses an agenda item and resolves its presenter agency and person. */
async function toColumns(deps: Deps, raw: unknown) {
  const input = parseInput(agendaItemInput, raw);
  const org = input.presenterAgency
    ? await findOrganisationByAcronym(deps.db, input.presenterAgency)
    : undefined;
  if (input.presenterAgency && !org)
    throw invalid({ presenterAgency: `There is no member organisation ${input.presenterAgency}.` });
  const person = input.presenterPerson ? await findPerson(deps.db, input.presenterPerson) : undefined;
  if (input.presenterPerson && !person) throw invalid({ presenterPerson: "Choose a person from the list." });
  if (org && person && person.person.organisationId !== org.id)
    throw invalid({ presenterPerson: `${person.person.name} does not represent ${org.acronym}.` });
  return {
    title: input.title,
    startTime: input.startTime,
    durationMinutes: input.durationMinutes,
    presenterOrganisationId: org?.id ?? person?.person.organisationId ?? null,
    presenterPersonId: person?.person.id ?? null,
    notes: input.notes,
  };
}

/** Adds an item at the end of a meeting's agenda. */
export async function createAgendaItem(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  const m = await loadManagedMeetingWork(deps, actor, slug);
  const columns = await toColumns(deps, raw);
  return write(
    deps,
    actor,
    async (tx, audit) => {
      const [{ next }] = (await tx
        .select({ next: sql<number>`coalesce(max(${agendaItems.position}), 0)::int + 1` })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, m.id))) as [{ next: number }];
      const [row] = await tx
        .insert(agendaItems)
        .values({ ...columns, meetingId: m.id, position: next })
        .returning();
      await audit({
        action: "agenda.add",
        subjectType: "meeting",
        subjectId: m.id,
        summary: `Added "${row!.title}" to the agenda of ${m.title}`,
      });
      return row!;
    },
    { invalidatesPages: false },
  );
}

/** Changes an agenda item. */
export async function updateAgendaItem(deps: Deps, actor: Actor, slug: string, id: number, raw: unknown) {
  const { m, item } = await loadManagedItem(deps, actor, slug, id);
  const columns = await toColumns(deps, raw);
  return write(
    deps,
    actor,
    async (tx, audit) => {
      const [row] = await tx
        .update(agendaItems)
        .set({ ...columns, updatedAt: deps.now() })
        .where(eq(agendaItems.id, item.id))
        .returning();
      await audit({
        action: "agenda.update",
        subjectType: "meeting",
        subjectId: m.id,
        summary: `Changed agenda item "${row!.title}" of ${m.title}`,
        details: { before: { ...item, files: undefined }, after: row },
      });
      return row!;
    },
    { invalidatesPages: false },
  );
}

/** Moves an item one place up or down by swapping positions with its neighbour. */
export async function moveAgendaItem(deps: Deps, actor: Actor, slug: string, id: number, raw: unknown) {
  const { m, item } = await loadManagedItem(deps, actor, slug, id);
  const { direction } = parseInput(moveInput, raw);
  const agenda = await listAgenda(deps.db, m.id);
  const at = agenda.findIndex((i) => i.id === item.id);
  const other: AgendaItem | undefined = agenda[direction === "up" ? at - 1 : at + 1];
  if (!other) return;
  await write(
    deps,
    actor,
    async (tx, audit) => {
      // Positions are renumbered 1..n so that equal or gapped positions never make a swap a no-op.
      const order = agenda.map((i) => i.id);
      [order[at], order[agenda.indexOf(other)]] = [other.id, item.id];
      for (const [n, itemId] of order.entries())
        await tx
          .update(agendaItems)
          .set({ position: n + 1 })
          .where(eq(agendaItems.id, itemId));
      await audit({
        action: "agenda.move",
        subjectType: "meeting",
        subjectId: m.id,
        summary: `Moved "${item.title}" ${direction} in the agenda of ${m.title}`,
      });
    },
    { invalidatesPages: false },
  );
}

/** Removes an agenda item and its files' records (the stored content stays, shared by hash). */
export async function deleteAgendaItem(deps: Deps, actor: Actor, slug: string, id: number) {
  const { m, item } = await loadManagedItem(deps, actor, slug, id);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
      await audit({
        action: "agenda.delete",
        subjectType: "meeting",
        subjectId: m.id,
        summary: `Removed "${item.title}" from the agenda of ${m.title}`,
        details: { before: { ...item } },
      });
    },
    { invalidatesPages: false },
  );
}
