import { customType } from "drizzle-orm/pg-core";

/**
 * A PostgreSQL `tsvector`. The content tables carry one as a generated column (`search`) built from
 * their texts with weights (A for titles, B for summaries, C and D for bodies), GIN-indexed; see
 * docs/decisions/0003-search.md. Only read in SQL, never selected into TypeScript.
 */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
