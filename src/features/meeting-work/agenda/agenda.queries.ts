import { asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../../db/client.js";
import { agendaItemFiles, agendaItems, organisations, people } from "../../../db/schema/index.js";

export type AgendaFile = typeof agendaItemFiles.$inferSelect;
export type AgendaItem = typeof agendaItems.$inferSelect & {
  presenterAgency: string | null;
  presenterName: string | null;
  files: AgendaFile[];
};

const presenter = alias(people, "presenter");

/** A meeting's agenda in order, with presenters and files. */
export async function listAgenda(db: Db, meetingId: number): Promise<AgendaItem[]> {
  const rows = await db
    .select({ item: agendaItems, presenterAgency: organisations.acronym, presenterName: presenter.name })
    .from(agendaItems)
    .leftJoin(organisations, eq(organisations.id, agendaItems.presenterOrganisationId))
    .leftJoin(presenter, eq(presenter.id, agendaItems.presenterPersonId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
  const files = rows.length
    ? await db
        .select()
        .from(agendaItemFiles)
        .where(
          inArray(
            agendaItemFiles.agendaItemId,
            rows.map((r) => r.item.id),
          ),
        )
        .orderBy(asc(agendaItemFiles.id))
    : [];
  return rows.map((r) => ({
    ...r.item,
    presenterAgency: r.presenterAgency,
    presenterName: r.presenterName,
    files: files.filter((f) => f.agendaItemId === r.item.id),
  }));
}

/** One agenda item of a meeting, or undefined. */
export async function findAgendaItem(db: Db, meetingId: number, id: number) {
  return (await listAgenda(db, meetingId)).find((i) => i.id === id);
}

/** One file of a meeting's agenda, or undefined when it belongs to another meeting. */
export async function findAgendaFile(db: Db, meetingId: number, fileId: number) {
  const [row] = await db
    .select({ file: agendaItemFiles })
    .from(agendaItemFiles)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaItemFiles.agendaItemId))
    .where(sql`${agendaItemFiles.id} = ${fileId} and ${agendaItems.meetingId} = ${meetingId}`);
  return row?.file;
}

/** People who may present, with their agency, for the presenter list. */
export function listPresenters(db: Db) {
  return db
    .select({ id: people.id, name: people.name, agency: organisations.acronym })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(people.active, true))
    .orderBy(sql`lower(${organisations.acronym}) nulls last`, asc(people.name));
}
