import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, notFound } from "../../http/errors.js";
import { deleteSessionById, deleteSessionsOf } from "../../http/sessions.js";
import { write } from "../../kit/write.js";
import { canManageDirectory } from "../directory/directory.policy.js";
import { findPerson } from "../directory/directory.queries.js";

const signedInOnly = (actor: Actor) => {
  if (actor.kind !== "person" || actor.token)
    throw forbidden("Sign in on the website to manage your devices.");
  return actor;
};

/** Ends one of the actor's own sessions (another device, or this one). */
export async function endOwnSession(deps: Deps, actor: Actor, id: string): Promise<void> {
  const me = signedInOnly(actor);
  await write(
    deps,
    me,
    async (tx, audit) => {
      if (!(await deleteSessionById(tx, me.id, id))) throw notFound("The session");
      await audit({
        action: "session.end",
        subjectType: "person",
        subjectId: me.id,
        summary: "Ended one of own sessions",
      });
    },
    { invalidatesPages: false },
  );
}

/** The actor's live API tokens (those they created), to see and revoke whatever their role today. */
export async function ownTokens(deps: Deps, actor: Actor) {
  const me = signedInOnly(actor);
  return deps.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.createdById, me.id), isNull(apiTokens.revokedAt)));
}

/** Revokes one of the actor's own tokens: a demoted owner may still end what they created. */
export async function revokeOwnToken(deps: Deps, actor: Actor, id: number): Promise<void> {
  const me = signedInOnly(actor);
  await write(
    deps,
    me,
    async (tx, audit) => {
      const [row] = await tx
        .update(apiTokens)
        .set({ revokedAt: deps.now(), revokedById: me.id, revokedByName: me.name })
        .where(and(eq(apiTokens.id, id), eq(apiTokens.createdById, me.id), isNull(apiTokens.revokedAt)))
        .returning({ name: apiTokens.name });
      if (!row) throw notFound("The token");
      await audit({
        action: "token.revoke",
        subjectType: "api_token",
        subjectId: id,
        summary: `Revoked own API token “${row.name}”`,
      });
    },
    { invalidatesPages: false },
  );
}

/** Ends every session of a person (secretariat only): a lost laptop, a person leaving. */
export async function endSessionsOf(deps: Deps, actor: Actor, personId: number): Promise<void> {
  if (!canManageDirectory(actor)) throw forbidden("Only the secretariat ends other people's sessions.");
  const found = await findPerson(deps.db, personId);
  if (!found) throw notFound("The person");
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await deleteSessionsOf(tx, personId);
      await audit({
        action: "session.end_all",
        subjectType: "person",
        subjectId: personId,
        summary: `Ended every session of ${found.person.name}`,
      });
    },
    { invalidatesPages: false },
  );
}
