import { execSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { startServer } from "../../src/server.js";
import { testConfig } from "../support/config.js";
import { withDatabase } from "../support/global-setup.js";
import { apiTokenFor, depsOver, eventually, pgProxy, postMission } from "./support.js";

const serverUrl = process.env.TEST_DATABASE_URL;
// A shell command that restarts the PostgreSQL server (.ci/run sets it for its throwaway cluster).
const restartCommand = process.env.TEST_PG_RESTART;
const name = `isecg_outage_${process.pid}`;
const dataDir = mkdtempSync(join(tmpdir(), "isecg-outage-"));

type Instance = { url: string; close: () => Promise<void> };
let admin: pg.Client;

/** The test's own connection, made again after the server restarts. */
async function connectAdmin() {
  admin = new pg.Client({ connectionString: serverUrl });
  admin.on("error", () => {});
  await admin.connect();
}
let proxy: Awaited<ReturnType<typeof pgProxy>>;
let a: Instance;
let b: Instance;
let token: string;

async function startInstance(databaseUrl: string): Promise<Instance> {
  const { port, close } = await startServer(testConfig(dataDir, { databaseUrl }));
  return { url: `http://127.0.0.1:${port}`, close };
}

const status = async (url: string) => (await fetch(url)).status;
const text = async (url: string) => (await fetch(url)).text();

/** A write on instance A shows on instance B's cached page: B heard A's notification. */
async function writeOnAShowsOnB(slug: string) {
  await text(`${b.url}/roadmap/chart.csv`); // cache it on B
  expect(await eventually(async () => (await postMission(a.url, token, slug)) === 201)).toBe(true);
  expect(
    await eventually(async () => (await text(`${b.url}/roadmap/chart.csv`)).includes(slug), 10_000),
  ).toBe(true);
}

describe.skipIf(!serverUrl)("instances on a PostgreSQL server that goes away", () => {
  beforeAll(async () => {
    await connectAdmin();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const target = new URL(serverUrl!);
    proxy = await pgProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(withDatabase(serverUrl!, name));
    proxied.hostname = "127.0.0.1";
    proxied.port = String(proxy.port);
    a = await startInstance(proxied.toString());
    b = await startInstance(proxied.toString());
    const setup = await openDatabase({ databaseUrl: withDatabase(serverUrl!, name) });
    token = await apiTokenFor(depsOver(setup, dataDir));
    await setup.close();
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await proxy?.cut();
    await admin?.query(`drop database if exists ${name} with (force)`);
    await admin?.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("both instances keep serving after PostgreSQL terminates every connection, and keep sharing invalidations", async () => {
    await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [name]);
    for (const instance of [a, b]) {
      expect(await eventually(async () => (await status(`${instance.url}/readyz`)) === 200)).toBe(true);
    }
    // B's listening connection is back once a later write reaches it.
    await eventually(async () => {
      const { rows } = await admin.query(
        "select count(*)::int as n from pg_stat_activity where datname = $1 and query like 'listen%'",
        [name],
      );
      return rows[0].n === 2;
    });
    await writeOnAShowsOnB("after-terminate");
  });

  it("while the database is unreachable: not ready, cached pages still served, the rest a clear 503; then everything resumes", async () => {
    expect(await status(`${a.url}/about`)).toBe(200); // now cached
    await proxy.cut();
    expect(await status(`${a.url}/readyz`)).toBe(503);
    expect(await status(`${a.url}/about`)).toBe(200);
    const api = await fetch(`${a.url}/api/v1/missions/iss`);
    expect(api.status).toBe(503);
    expect((await api.json()).error.code).toBe("unavailable");
    const page = await fetch(`${b.url}/members/esa`);
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBeTruthy();
    expect(await page.text()).toContain("cannot be reached");
    expect(await postMission(a.url, token, "during-outage")).toBe(503);

    await proxy.restore();
    for (const instance of [a, b]) {
      expect(await eventually(async () => (await status(`${instance.url}/readyz`)) === 200)).toBe(true);
    }
    await new Promise((r) => setTimeout(r, 2_000)); // the listening connections come back with backoff
    await writeOnAShowsOnB("after-outage");
  });

  it.skipIf(!restartCommand)(
    "a PostgreSQL restart under load answers no 500 and takes no instance down",
    async () => {
      const seen = new Map<number, number>();
      let loading = true;
      const load = (async () => {
        for (let i = 0; loading; i++) {
          const target = i % 2 ? a : b;
          for (const path of ["/about", "/members/esa", "/api/v1/missions/iss", "/readyz"]) {
            const s = await status(`${target.url}${path}`).catch(() => 0);
            seen.set(s, (seen.get(s) ?? 0) + 1);
          }
          if (i % 5 === 0) {
            const s = await postMission(a.url, token, `under-load-${i}`);
            seen.set(s, (seen.get(s) ?? 0) + 1);
          }
        }
      })();
      await new Promise((r) => setTimeout(r, 1_000));
      execSync(restartCommand!, { stdio: "ignore" });
      for (const instance of [a, b]) {
        expect(await eventually(async () => (await status(`${instance.url}/readyz`)) === 200, 60_000)).toBe(
          true,
        );
      }
      loading = false;
      await load;
      await connectAdmin();
      expect(seen.get(500) ?? 0).toBe(0);
      expect(seen.get(0) ?? 0).toBe(0); // no refused connection: the instances never went down
      await new Promise((r) => setTimeout(r, 2_000));
      await writeOnAShowsOnB("after-restart");
    },
  );
});
