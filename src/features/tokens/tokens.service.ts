import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { apiTokens, organisations } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { hashApiToken } from "../../http/api-tokens.js";
import { AppError, forbidden, invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { canChooseTokenAgency, canManageTokensOf, canSeeTokens } from "./tokens.policy.js";
import { findToken, type TokenRow } from "./tokens.queries.js";
import { tokenInput } from "./tokens.schemas.js";

/** Tokens start with this, so a leaked one is recognisable (and findable by secret scanners). */
export const TOKEN_PREFIX = "isecg_";
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

/** Which agency a new token is for: the focal point's own, or the one the secretariat chose. */
async function tokenAgency(deps: Deps, actor: Actor, acronym: string | null) {
  if (!canChooseTokenAgency(actor)) {
    const own = actor.kind === "person" ? actor.organisationId : null;
    if (own === null) throw forbidden("Only focal points and the secretariat can create API tokens.");
    const [org] = await deps.db.select().from(organisations).where(eq(organisations.id, own));
    if (acronym && org && acronym.toLowerCase() !== org.acronym.toLowerCase()) {
      throw forbidden("A focal point creates tokens for their own agency only.");
    }
    return org!;
  }
  if (!acronym) throw invalid({ agency: "Choose the agency the token acts for." });
  const [org] = await deps.db
    .select()
    .from(organisations)
    .where(eq(sql`lower(${organisations.acronym})`, acronym.toLowerCase()));
  if (!org) throw invalid({ agency: `There is no member ${acronym}.` });
  return org;
}

/**
 * Creates an agency's API token and returns its secret: the only time it is ever shown. Only
 * its SHA-256 and a recognisable prefix are stored.
 */
export async function createApiToken(
  deps: Deps,
  actor: Actor,
  raw: unknown,
): Promise<{ token: TokenRow; secret: string }> {
  if (!canSeeTokens(actor) || actor.kind !== "person") {
    throw forbidden("Only focal points and the secretariat can create API tokens.");
  }
  const input = parseInput(tokenInput, raw);
  const org = await tokenAgency(deps, actor, input.agency);
  if (!canManageTokensOf(actor, org.id)) throw forbidden("You cannot create tokens for this agency.");
  // The day chosen is the last day the token works (until the end of that day, UTC).
  const expiresAt = input.expires ? new Date(Date.parse(`${input.expires}T00:00:00Z`) + 86_400_000) : null;
  if (expiresAt && expiresAt <= deps.now()) throw invalid({ expires: "Choose a day that has not passed." });
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const id = await write(
    deps,
    actor,
    async (tx, audit) => {
      const [row] = await tx
        .insert(apiTokens)
        .values({
          organisationId: org.id,
          name: input.name,
          tokenHash: hashApiToken(secret),
          prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
          createdById: actor.id,
          createdByName: actor.name,
          createdAt: deps.now(),
          expiresAt,
        })
        .returning({ id: apiTokens.id });
      await audit({
        action: "token.create",
        subjectType: "api_token",
        subjectId: row!.id,
        summary: `Created API token “${input.name}” for ${org.acronym}`,
      });
      return row!.id;
    },
    { invalidatesPages: false },
  );
  return { token: (await findToken(deps.db, id))!, secret };
}

/** Loads a token the actor may manage, or throws not_found / forbidden. */
export async function tokenToManage(deps: Deps, actor: Actor, id: number): Promise<TokenRow> {
  const token = await findToken(deps.db, id);
  if (!token) throw notFound("The token");
  if (!canManageTokensOf(actor, token.organisationId)) {
    throw forbidden("Only the agency's focal points and the secretariat can revoke this token.");
  }
  return token;
}

/** Revokes a token at once; requests bearing it are refused from then on. */
export async function revokeApiToken(deps: Deps, actor: Actor, id: number): Promise<void> {
  const token = await tokenToManage(deps, actor, id);
  if (token.revokedAt) throw new AppError("conflict", "This token was already revoked.");
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .update(apiTokens)
        .set({
          revokedAt: deps.now(),
          revokedById: actor.kind === "person" ? actor.id : null,
          revokedByName: actor.kind === "person" ? actor.name : "system",
        })
        .where(eq(apiTokens.id, id));
      await audit({
        action: "token.revoke",
        subjectType: "api_token",
        subjectId: id,
        summary: `Revoked API token “${token.name}” of ${token.acronym}`,
      });
    },
    { invalidatesPages: false },
  );
}
