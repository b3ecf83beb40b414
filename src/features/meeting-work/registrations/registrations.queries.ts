import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { meetingRegistrations, organisations, people } from "../../../db/schema/index.js";

export type Registration = {
  id: number;
  personId: number;
  name: string;
  organisationId: number | null;
  agency: string | null;
  attendance: "in_person" | "virtual";
  attended: boolean;
};

/** A meeting's registrations, by agency then name (the secretariat's staff last). */
export async function listRegistrations(db: Db, meetingId: number): Promise<Registration[]> {
  return db
    .select({
      id: meetingRegistrations.id,
      personId: people.id,
      name: people.name,
      organisationId: people.organisationId,
      agency: organisations.acronym,
      attendance: meetingRegistrations.attendance,
      attended: meetingRegistrations.attended,
    })
    .from(meetingRegistrations)
    .innerJoin(people, eq(people.id, meetingRegistrations.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(meetingRegistrations.meetingId, meetingId))
    .orderBy(sql`lower(${organisations.acronym}) nulls last`, asc(people.name));
}
