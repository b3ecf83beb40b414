import { desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";

import { apiTokens, organisations } from "../../db/schema/index.js";

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
