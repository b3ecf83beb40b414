import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pgliteOptions, wrapPglite } from "./client.js";
import { isUpToDate } from "./schema-version.js";

describe("whether a database has the shipped migrations", () => {
  it("is false for a new database and one a migration behind, true once migrated", async () => {
    const database = wrapPglite(new PGlite(undefined, pgliteOptions));
    try {
      expect(await isUpToDate(database.db)).toBe(false);
      await database.migrate();
      expect(await isUpToDate(database.db)).toBe(true);
      await database.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
      );
      expect(await isUpToDate(database.db)).toBe(false);
    } finally {
      await database.close();
    }
  }, 60_000);
});
