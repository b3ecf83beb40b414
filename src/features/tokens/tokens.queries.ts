import { createHash } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { apiTokens, organisations, people, type Role } from "../../db/schema/index.js";
import type { Person } from "../auth/actor.js";
import { canManageTokensOf } from "./tokens.policy.js";

/** The SHA-256 of a token, as stored. */
export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type TokenRow = typeof apiTokens.$inferSelect & { acronym: string };

/** Tokens of one agency (or of all when null), newest first, with the agency's acronym. */
export async function listTokens(db: Db, organisationId: number | null): Promise<TokenRow[]> {
  const where: SQL | undefined =
    organisationId === null ? undefined : eq(apiTokens.organisationId, organisationId);
  const rows = await db
    .select({ t: apiTokens, acronym: organisations.acronym })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .where(where)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map((r) => ({ ...r.t, acronym: r.acronym }));
}

/** One token by id, with its agency's acronym. */
export async function findToken(db: Db, id: number): Promise<TokenRow | undefined> {
  const [row] = await db
    .select({ t: apiTokens, acronym: organisations.acronym })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .where(eq(apiTokens.id, id));
  return row ? { ...row.t, acronym: row.acronym } : undefined;
}

// Last use is recorded at most once a minute per token: a busy client must not write on every call.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The actor a bearer token stands for: a focal point of the token's agency, attributed to the
 * person who created it. Null when the token is unknown, revoked, expired, or its creator is no
 * longer active or may no longer hold tokens of that agency.
 */
export async function actorForApiToken(db: Db, token: string, now: Date): Promise<Person | null> {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      tokenName: apiTokens.name,
      lastUsedAt: apiTokens.lastUsedAt,
      personId: people.id,
      personName: people.name,
      email: people.email,
      personRoles: people.roles,
      personOrganisationId: people.organisationId,
      organisationId: organisations.id,
      acronym: organisations.acronym,
    })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .innerJoin(people, eq(people.id, apiTokens.createdById))
    .where(
      and(
        eq(apiTokens.tokenHash, hashApiToken(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        eq(people.active, true),
      ),
    );
  // A token acts with its owner's rights of today: demoted, moved to another agency or deactivated,
  // the owner's tokens stop working at once, as their session's rights do.
  if (!row || !canManageTokensOf(ownerAsActor(row), row.organisationId)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(eq(apiTokens.id, row.tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, now))),
      );
  }
  return {
    kind: "person",
    id: row.personId,
    name: `${row.personName} (API token “${row.tokenName}”)`,
    email: row.email,
    organisationId: row.organisationId,
    organisationAcronym: row.acronym,
    roles: ["focal_point"],
    token: { id: row.tokenId, name: row.tokenName },
  };
}

function ownerAsActor(row: {
  personId: number;
  personName: string;
  email: string;
  personRoles: Role[];
  personOrganisationId: number | null;
}): Person {
  return {
    kind: "person",
    id: row.personId,
    name: row.personName,
    email: row.email,
    roles: row.personRoles,
    organisationId: row.personOrganisationId,
    organisationAcronym: null,
  };
}
