import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort, onCleanup, type RunningServer, spawnServer } from "./process.js";

/**
 * The Node options `npm start` gives the server (package.json's start script, such as its heap
 * limit), so that a benchmark measures the server people run.
 */
export function startOptions(root = "."): string[] {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/);
  return words.slice(1, words.indexOf("bin/isecg.js")).filter((w) => w.startsWith("--"));
}

/**
 * Starts `node bin/isecg.js serve` from `root` (default: the current directory) on `port` (default: a free
 * loopback port) with a fresh data directory (the first start migrates and loads the dataset); `stop()`
 * ends it and deletes it.
 */
export async function startPlatform(
  options: { root?: string; env?: Record<string, string>; port?: number } = {},
): Promise<RunningServer> {
  const root = resolve(options.root ?? ".");
  const dataDir = await mkdtemp(join(tmpdir(), "isecg-bench-"));
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  const forget = onCleanup(removeDir);
  const port = options.port ?? (await freePort());
  const server = await spawnServer({
    name: "the platform",
    args: [...startOptions(root), join(root, "bin/isecg.js"), "serve"],
    env: { PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", ...options.env },
    cwd: root,
    port,
    readyPath: "/readyz",
    // The first start migrates and loads the whole dataset: minutes on a busy two-core machine.
    timeoutMs: 300_000,
  });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      forget();
      await removeDir();
    },
  };
}

/**
 * Starts `node bin/isecg.js serve` on `dataDir` (or on `env.DATABASE_URL`), which is kept when it stops:
 * for a first start and a restart on the same directory. Resolves with how long it took to answer 200.
 */
export async function servePlatform(options: {
  dataDir: string;
  env?: Record<string, string>;
}): Promise<RunningServer & { startMs: number }> {
  const root = resolve(".");
  const port = await freePort();
  const started = performance.now();
  const server = await spawnServer({
    name: "the platform",
    args: [...startOptions(root), join(root, "bin/isecg.js"), "serve"],
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: options.dataDir,
      LOG_LEVEL: "warn",
      ...options.env,
    },
    cwd: root,
    port,
    readyPath: "/readyz",
    timeoutMs: 300_000,
  });
  return { ...server, startMs: performance.now() - started };
}
