import { createHash } from "node:crypto";
import { realpathSync, unlinkSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { join } from "node:path";

/** What the owner of a data directory tells a process that finds it taken. */
export type OwnerInfo = { pid: number; command: string; url?: string; socketDir: string };

/** The data directory is ours until `release`; `describe` lets the owner add its address once known. */
export type DataDirLock = { release: () => Promise<void>; describe: (extra: Partial<OwnerInfo>) => void };

/**
 * Takes the exclusive lock on an embedded data directory, or reports who holds it.
 *
 * The lock is a listening Unix socket. On Linux it lives in the abstract namespace, which the kernel
 * frees the moment the process dies, kill -9 included, so a lock can never be stale. Elsewhere it is
 * a socket file in the directory; one nobody answers on is left by a dead process and taken over.
 * A process that finds the lock taken connects and reads the owner's description (pid, command,
 * address, where its database socket is), which names the owner in messages and lets the command
 * line reach the database through it.
 */
export async function lockDataDir(dataDir: string, info: OwnerInfo): Promise<DataDirLock | OwnerInfo> {
  const address = lockAddress(dataDir);
  let description = info;
  const server = createServer((socket) => socket.end(JSON.stringify(description)));
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await tryListen(server, address)) {
      return {
        describe: (extra) => {
          description = { ...description, ...extra };
        },
        release: () => new Promise((resolve) => server.close(() => resolve())),
      };
    }
    const owner = await readOwner(address);
    if (owner) return owner;
    // Nobody answers: a socket file left by a dead process (never the case on Linux).
    if (!address.startsWith("\0")) unlinkQuietly(address);
  }
  throw new Error(`Could not lock the data directory ${dataDir}; another process keeps taking it.`);
}

function lockAddress(dataDir: string): string {
  const real = realpathSync(dataDir);
  if (process.platform !== "linux") return join(real, ".lock.sock");
  return `\0isecg-data-${createHash("sha256").update(real).digest("hex").slice(0, 40)}`;
}

function tryListen(server: Server, address: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      if (e.code === "EADDRINUSE") resolve(false);
      else reject(e);
    };
    server.once("error", onError);
    server.listen(address, () => {
      server.off("error", onError);
      server.unref(); // the lock alone never keeps a process alive
      resolve(true);
    });
  });
}

/** The owner's description, or null when nobody answers at the address. */
function readOwner(address: string): Promise<OwnerInfo | null> {
  return new Promise((resolve) => {
    const socket = connect(address);
    let text = "";
    socket.setEncoding("utf8");
    socket.setTimeout(15_000, () => socket.destroy());
    socket.on("data", (chunk) => {
      text += chunk;
    });
    socket.on("error", () => resolve(null));
    socket.on("close", () => {
      try {
        resolve(JSON.parse(text) as OwnerInfo);
      } catch {
        resolve(null);
      }
    });
  });
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {}
}

/** Plain words for the owner of a data directory, for error messages. */
export function describeOwner(owner: OwnerInfo): string {
  const what = owner.command === "serve" ? "the server" : `the command "isecg ${owner.command}"`;
  return `${what} (process ${owner.pid}${owner.url ? `, serving ${owner.url}` : ""})`;
}
