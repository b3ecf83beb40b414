import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { apiTokenFor, depsOver, postMission, runIsecg, startServeProcess } from "./support.js";

const dataDir = mkdtempSync(join(tmpdir(), "isecg-owner-"));
const env = { DATA_DIR: dataDir };
let server: { child: ChildProcess; url: string };
let token: string;

/** Opens the data directory through its owner, as the command line does. */
async function throughOwner<T>(fn: (deps: ReturnType<typeof depsOver>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir, joinOwner: true, command: "test" });
  try {
    return await fn(depsOver(database, dataDir));
  } finally {
    await database.close();
  }
}

const missionCsv = (prefix: string, n: number) =>
  [
    "slug,name,lead,destination,crewed,launch,launch_precision,status",
    ...Array.from(
      { length: n },
      (_, i) => `${prefix}-${i},Imported mission ${i},ESA,leo,false,2032,year,concept`,
    ),
  ].join("\n");

beforeAll(async () => {
  server = await startServeProcess(env);
  token = await throughOwner(apiTokenFor);
}, 120_000);

afterAll(() => {
  server?.child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("one owner per embedded data directory", () => {
  it("a second server refuses the directory and names the running one", async () => {
    const second = await runIsecg(["serve"], { ...env, PORT: "0", BASE_URL: "http://localhost:3998" });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`process ${server.child.pid}`);
    expect(second.stderr).toContain("serving http://localhost");
  });

  it("the command line imports beside the running server, which keeps acknowledging writes, and nothing is lost after kill -9", async () => {
    const file = join(dataDir, "import.csv");
    writeFileSync(file, missionCsv("imported", 1500));
    const before = await (await fetch(`${server.url}/roadmap/chart.csv`)).text(); // now cached
    expect(before).not.toContain("Imported mission 7");

    let writing = true;
    const acknowledged: string[] = [];
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        if ((await postMission(server.url, token, `written-${i}`)) === 201) acknowledged.push(`written-${i}`);
      }
    })();
    const result = await runIsecg(["import", "missions", file], env);
    writing = false;
    await writer;
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("1500 missions were added");
    expect(acknowledged.length).toBeGreaterThan(0);

    // The server dropped its cached pages when the command line wrote through it.
    expect(await (await fetch(`${server.url}/roadmap/chart.csv`)).text()).toContain("Imported mission 7");

    server.child.kill("SIGKILL");
    await new Promise((r) => server.child.once("exit", r));
    server = await startServeProcess(env); // no stale lock after kill -9
    const slugs = await throughOwner(async (deps) =>
      (await deps.db.query.missions.findMany({ columns: { slug: true } })).map((m) => m.slug),
    );
    expect(slugs.filter((s) => s.startsWith("imported-"))).toHaveLength(1500);
    expect(slugs).toEqual(expect.arrayContaining(acknowledged));
  }, 180_000);

  it("people added from the command line while serving can be found by the server", async () => {
    const add = await runIsecg(
      ["user", "add", "--name", "Grace Test", "--email", "grace@example.org", "--role", "secretariat"],
      env,
    );
    expect(add.code).toBe(0);
    const psqlLike = await throughOwner((deps) =>
      deps.db.query.people.findFirst({ where: (p, { eq }) => eq(p.email, "grace@example.org") }),
    );
    expect(psqlLike?.name).toBe("Grace Test");
  }, 60_000);

  it("with the server stopped, the command line opens the directory itself", async () => {
    server.child.kill("SIGTERM");
    await new Promise((r) => server.child.once("exit", r));
    const exported = await runIsecg(["export", "missions", "--format", "json"], env);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).data.length).toBeGreaterThan(1500);
    server = await startServeProcess(env);
  }, 120_000);
});
