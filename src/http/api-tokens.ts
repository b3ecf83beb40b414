import { createHash } from "node:crypto";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { apiTokens, organisations, people, type Role } from "../db/schema/index.js";
import type { Person } from "./actor.js";

/** The SHA-256 of a token, as stored. */
export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

// Last use is recorded at most once a minute per token: a busy client must not write on every call.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The actor a bearer token stands for, with its owner's rights of today: the owner's current roles
 * at the token's agency, never more than a focal point's. Null when the token is unknown, revoked or
 * expired, or its owner is inactive or no longer belongs to the token's agency.
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
  const roles = row ? tokenRoles(row.personRoles, row.personOrganisationId, row.organisationId) : [];
  if (!row || roles.length === 0) return null;
  await touchToken(db, row.tokenId, row.lastUsedAt, now);
  return {
    kind: "person",
    id: row.personId,
    name: `${row.personName} (API token “${row.tokenName}”)`,
    email: row.email,
    organisationId: row.organisationId,
    organisationAcronym: row.acronym,
    roles,
    token: { id: row.tokenId, name: row.tokenName },
  };
}

/**
 * The roles a token carries, read from its owner on every call so a change takes effect at once. The
 * secretariat's tokens speak as a focal point of the token's agency; an agency person's carry their
 * own member and focal point roles there (a demoted focal point's token can read, not write); an
 * owner who moved to another agency leaves the token with no rights at all.
 */
export function tokenRoles(
  ownerRoles: Role[],
  ownerOrganisationId: number | null,
  tokenOrgId: number,
): Role[] {
  if (ownerRoles.includes("secretariat")) return ["focal_point"];
  if (ownerOrganisationId !== tokenOrgId) return [];
  return ownerRoles.filter((r): r is Role => r === "member" || r === "focal_point");
}

async function touchToken(db: Db, id: number, lastUsedAt: Date | null, now: Date): Promise<void> {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() <= LAST_USED_RESOLUTION_MS) return;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, now))));
}
