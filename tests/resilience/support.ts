import { type ChildProcess, spawn } from "node:child_process";
import { connect, createServer, type Server, type Socket } from "node:net";
import { resolve } from "node:path";
import type { Database } from "../../src/db/client.js";
import type { Deps } from "../../src/deps.js";
import { createApiToken } from "../../src/features/tokens/tokens.service.js";
import { createLogger } from "../../src/http/logger.js";
import { PageCache } from "../../src/http/page-cache.js";
import { makePerson } from "../support/actors.js";
import { testConfig } from "../support/config.js";

const cli = resolve("bin/isecg.js");

/** The test runner's environment without what Vite adds (its BASE_URL is "/", not an address). */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { BASE_URL: _vite, ...inherited } = process.env;
  return { ...inherited, ...env };
}

/** Runs `isecg` in a child process with the given environment; resolves with its exit and output. */
export function runIsecg(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [cli, ...args], { env: childEnv(env) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** Starts `isecg serve` in a child process and resolves once it listens, with its address. */
export function startServeProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, "serve"], {
      env: childEnv({ PORT: "0", BASE_URL: "http://localhost:3999", LOG_LEVEL: "info", ...env }),
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.includes('"msg":"listening"'));
      if (line) done({ child, url: `http://127.0.0.1:${JSON.parse(line).port}` });
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("exit", (code) => fail(new Error(`serve exited with ${code}:\n${out}`)));
  });
}

/** Dependencies over an open database, quiet, for setting up records from a test. */
export function depsOver(database: Database, dataDir: string, overrides: Partial<Deps["config"]> = {}): Deps {
  return {
    db: database.db,
    config: testConfig(dataDir, overrides),
    cache: new PageCache(),
    log: createLogger("silent"),
    now: () => new Date(),
  };
}

/** A focal point of ESA with an API token, for writing through a server's API. */
export async function apiTokenFor(deps: Deps): Promise<string> {
  const focalPoint = await makePerson(deps, ["member", "focal_point"], "ESA");
  return (await createApiToken(deps, focalPoint, { name: "resilience test", agency: "ESA" })).secret;
}

/** Creates a mission through the API; resolves with the status. */
export async function postMission(base: string, token: string, slug: string): Promise<number> {
  const r = await fetch(`${base}/api/v1/missions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      name: `Mission ${slug}`,
      slug,
      lead: "ESA",
      destination: "leo",
      crewed: false,
      launch: "2031",
      launchPrecision: "year",
      status: "concept",
    }),
  }).catch(() => null);
  await r?.arrayBuffer();
  return r?.status ?? 0;
}

/** Polls until `check` is true or the time runs out. */
export async function eventually(check: () => Promise<boolean>, ms = 30_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/**
 * A TCP proxy in front of the PostgreSQL server: `cut()` ends every connection and refuses new ones,
 * as a server that went away does; `restore()` lets them through again.
 */
export async function pgProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((done) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as { port: number }).port;
        done();
      });
    });
  await open();
  return {
    port,
    cut: async () => {
      await new Promise<void>((done) => {
        server!.close(() => done());
        for (const s of sockets) s.destroy();
      });
    },
    restore: open,
  };
}
