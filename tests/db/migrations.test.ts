import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { withDatabase } from "../support/global-setup.js";

const server = inject("pgServer");

// Only meaningful against a real server, where several instances can start at once.
describe.runIf(server)("migrations on a PostgreSQL server", () => {
  it("several instances starting at once against one empty database all succeed, and apply each migration once", async () => {
    const name = `isecg_migr_${process.pid}`;
    const admin = new pg.Client({ connectionString: server!.url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const instances = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ databaseUrl: withDatabase(server!.url, name) })),
    );
    try {
      await Promise.all(instances.map((d) => d.migrate()));
      const check = new pg.Client({ connectionString: withDatabase(server!.url, name) });
      await check.connect();
      const applied = await check.query("select count(*)::int as n from drizzle.__drizzle_migrations");
      const tables = await check.query(
        "select count(*)::int as n from information_schema.tables where table_name = 'organisations'",
      );
      await check.end();
      expect(tables.rows[0].n).toBe(1);
      expect(applied.rows[0].n).toBeGreaterThanOrEqual(1);
    } finally {
      await Promise.all(instances.map((d) => d.close()));
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  });
});
