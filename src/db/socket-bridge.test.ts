import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveOverSocket } from "./socket-bridge.js";

const dir = mkdtempSync(join(tmpdir(), "isecg-bridge-"));
let pglite: PGlite;
let bridge: { close: () => Promise<void> };
let writes = 0;
const client = async () => {
  const c = new pg.Client({ host: dir, user: "postgres", database: "postgres" });
  await c.connect();
  return c;
};
const count = async () => (await pglite.query<{ n: number }>("select count(*)::int as n from t")).rows[0]!.n;

beforeAll(async () => {
  pglite = await PGlite.create();
  await pglite.exec("create table t (id int primary key)");
  bridge = await serveOverSocket(pglite, join(dir, ".s.PGSQL.5432"), () => writes++);
});
afterAll(async () => {
  await bridge.close();
  await pglite.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the embedded database on a local socket", () => {
  it("keeps a socket client's transaction apart from the server's own queries", async () => {
    const c = await client();
    await c.query("begin");
    await c.query("insert into t values (1)");
    // The server's query waits for the client's transaction instead of running inside it.
    let seen: number | undefined;
    const serverRead = count().then((n) => {
      seen = n;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toBeUndefined();
    await c.query("rollback");
    await serverRead;
    expect(seen).toBe(0);
    await c.end();
  });

  it("keeps the server's transaction apart from a socket client's statements", async () => {
    const c = await client();
    let clientSaw: number | undefined;
    await pglite.transaction(async (tx) => {
      await tx.query("insert into t values (2)");
      const read = c.query("select count(*)::int as n from t").then((r) => {
        clientSaw = r.rows[0].n;
      });
      await new Promise((r) => setTimeout(r, 100));
      expect(clientSaw).toBeUndefined();
      await tx.rollback();
      void read;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(clientSaw).toBe(0);
    await c.end();
  });

  it("undoes a transaction whose client went away, and frees the database", async () => {
    const c = await client();
    await c.query("begin");
    await c.query("insert into t values (3)");
    c.on("error", () => {}); // this client is about to lose its connection on purpose
    (c as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
    expect(await count()).toBe(0);
    expect(pglite.isInTransaction()).toBe(false);
  });

  it("reports committed writes, so the server can drop stale cached pages", async () => {
    const before = writes;
    const c = await client();
    await c.query("select 1");
    expect(writes).toBe(before);
    await c.query("insert into t values (4)");
    expect(writes).toBe(before + 1);
    await c.end();
  });
});
