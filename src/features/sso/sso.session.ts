import { eq } from "drizzle-orm";
import { organisations, people } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { write } from "../audit/write.js";
import type { Person } from "../auth/actor.js";
import { createSession } from "../auth/sessions.js";

/**
 * Opens a session for a person the agency's identity provider vouched for, audited as a single
 * sign-on. No local second factor is asked: the agency's identity system is responsible for that
 * (docs/decisions/0006-single-sign-on.md).
 */
export async function openSsoSession(
  deps: Deps,
  personId: number,
  meta: { ip: string; userAgent?: string; requestId?: string; issuer: string },
): Promise<string> {
  const [row] = await deps.db
    .select({ person: people, acronym: organisations.acronym })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(people.id, personId));
  const p = row!.person;
  const person: Person = {
    kind: "person",
    id: p.id,
    name: p.name,
    email: p.email,
    roles: p.roles,
    organisationId: p.organisationId,
    organisationAcronym: row!.acronym,
    requestId: meta.requestId,
  };
  return write(
    deps,
    person,
    async (tx, audit) => {
      const token = await createSession(tx, p.id, deps.now(), meta);
      await audit({
        action: "session.create",
        subjectType: "person",
        subjectId: p.id,
        summary: "Signed in with single sign-on",
        details: { issuer: meta.issuer },
      });
      return token;
    },
    { invalidatesPages: false },
  );
}
