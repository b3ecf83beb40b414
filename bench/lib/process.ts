import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** A server running in a child process, reachable at `url`. */
export type RunningServer = { url: string; stop: () => Promise<void>; pid?: number };

const cleanups = new Set<() => Promise<void>>();

/** Registers work to run at exit, on errors and on SIGINT/SIGTERM; returns a function that unregisters it. */
export function onCleanup(fn: () => Promise<void>): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Runs (and forgets) every registered cleanup, newest first. */
export async function cleanUp(): Promise<void> {
  const pending = [...cleanups].reverse();
  cleanups.clear();
  for (const fn of pending) await fn().catch((e) => console.error("cleanup failed:", e));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping servers...`);
    cleanUp().finally(() => process.exit(130));
  });
}

/** Finds a free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("could not find a free port");
  return address.port;
}

/** Spawns a Node server on 127.0.0.1:`port` and waits until `readyPath` answers 200. */
export async function spawnServer(options: {
  name: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  port: number;
  readyPath: string;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const child = spawn(process.execPath, options.args, {
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    stdio: ["ignore", "inherit", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    unregister();
    await stopChild(child);
  };
  const unregister = onCleanup(stop);
  try {
    await waitUntilReady(child, `${url}${options.readyPath}`, options.timeoutMs ?? 120_000);
  } catch (e) {
    await stop();
    throw new Error(`${options.name} did not start: ${(e as Error).message}${stderr ? `\n${stderr}` : ""}`);
  }
  return { url, stop, pid: child.pid };
}

async function waitUntilReady(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`exited early (${child.exitCode ?? child.signalCode})`);
    }
    const status = await fetch(url).then(
      (res) => res.arrayBuffer().then(() => res.status),
      () => 0,
    );
    if (status === 200) return;
    // Often enough that a start is timed to within a hundredth of a second.
    await sleep(10);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(killer);
}
