import { chmodSync, unlinkSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
// A session that keeps a transaction open this long without a word holds up the whole server.
const IDLE_IN_TRANSACTION_MS = 30_000;
// Command tags of statements that may change what visitors see (cached pages are dropped after).
const WRITE_TAG = /^(INSERT|UPDATE|DELETE|MERGE|COPY|CREATE|ALTER|DROP|TRUNCATE|SELECT \d+ INTO)/;

/**
 * Serves the embedded database over a Unix socket with the PostgreSQL wire protocol, so the command
 * line (node-postgres) and `psql` can use it while the server owns it.
 *
 * PGlite is one backend session shared by every caller. A socket client's statements must never run
 * inside one of the server's transactions, nor the server's inside the client's: each client message
 * runs under PGlite's transaction mutex (the one `query`, `exec` and `transaction` take), and the
 * mutex is held from the first message until the backend reports it is idle again (ReadyForQuery
 * "I"), so a client's transaction is as isolated from the server's requests as on a real server.
 */
export async function serveOverSocket(
  pglite: PGlite,
  socketPath: string,
  onWrite: () => void,
): Promise<{ close: () => Promise<void> }> {
  const sessions = new Set<Session>();
  const server = createServer((socket) => {
    const session = new Session(pglite, socket, onWrite);
    sessions.add(session);
    socket.on("close", () => sessions.delete(session));
  });
  try {
    unlinkSync(socketPath); // left by a process that died: we hold the data directory's lock now
  } catch {}
  await listen(server, socketPath);
  chmodSync(socketPath, 0o600); // only the owner of the data directory may connect
  return {
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sessions) s.end();
      });
    },
  };
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** One client connection: frames its messages and runs them one at a time. */
class Session {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;
  private wrote = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pglite: PGlite,
    private readonly socket: Socket,
    private readonly onWrite: () => void,
  ) {
    socket.on("data", (chunk) => this.receive(chunk));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      this.queue = this.queue.then(() => this.abandon());
    });
  }

  end(): void {
    this.socket.end();
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (let message = this.nextMessage(); message; message = this.nextMessage()) {
      const m = message;
      this.queue = this.queue
        .then(() => this.handle(m))
        .catch(() => {
          this.socket.destroy();
        });
    }
  }

  /** Cuts one whole message off the buffer: startup-phase ones have no type byte. */
  private nextMessage(): Buffer | null {
    const headerLength = this.started ? 5 : 4;
    if (this.buffer.length < headerLength) return null;
    const length = this.started ? this.buffer.readInt32BE(1) + 1 : this.buffer.readInt32BE(0);
    if (this.buffer.length < length) return null;
    const message = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return message;
  }

  private async handle(message: Buffer): Promise<void> {
    if (!this.started) {
      const code = message.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSS_REQUEST) return void this.socket.write("N");
      if (code === CANCEL_REQUEST) return void this.socket.end(); // PGlite has no query to cancel
      this.started = true;
    } else if (message[0] === 0x58 /* Terminate */) {
      return void this.socket.end();
    }
    clearTimeout(this.idleTimer);
    this.release ??= await holdTransactionMutex(this.pglite);
    const reply = await this.pglite.runExclusive(() => this.pglite.execProtocolRaw(message));
    if (!this.socket.destroyed) this.socket.write(reply);
    const status = scanReply(reply, (tag) => {
      if (WRITE_TAG.test(tag)) this.wrote = true;
    });
    if (status === "I") this.idle();
    else this.idleTimer = setTimeout(() => this.socket.destroy(), IDLE_IN_TRANSACTION_MS);
  }

  /** The backend is idle: let the server's own queries in again, and drop pages a write made stale. */
  private idle(): void {
    this.release?.();
    this.release = null;
    if (this.wrote) this.onWrite();
    this.wrote = false;
  }

  /** The client went away: undo a transaction it left open, then free the database. */
  private async abandon(): Promise<void> {
    clearTimeout(this.idleTimer);
    if (!this.release) return;
    if (this.pglite.isInTransaction()) {
      await this.pglite.runExclusive(() => this.pglite.execProtocolRaw(simpleQuery("rollback")));
    }
    this.wrote = false;
    this.idle();
  }
}

/** Resolves once PGlite's transaction mutex is ours, with the function that gives it back. */
function holdTransactionMutex(pglite: PGlite): Promise<() => void> {
  return new Promise((acquired) => {
    void pglite._runExclusiveTransaction(() => new Promise<void>((release) => acquired(() => release())));
  });
}

/** Walks the backend's messages: reports each CommandComplete tag, returns the last ReadyForQuery status. */
function scanReply(reply: Uint8Array, onTag: (tag: string) => void): string | null {
  const view = Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
  let status: string | null = null;
  for (let at = 0; at + 5 <= view.length; ) {
    const type = view[at];
    const length = view.readInt32BE(at + 1);
    if (type === 0x43 /* CommandComplete */) onTag(view.toString("latin1", at + 5, at + length));
    if (type === 0x5a /* ReadyForQuery */) status = String.fromCharCode(view[at + 5]!);
    at += 1 + length;
  }
  return status;
}

/** A Query message for one statement. */
function simpleQuery(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`, "utf8");
  const message = Buffer.alloc(5 + body.length);
  message.write("Q", 0, "latin1");
  message.writeInt32BE(4 + body.length, 1);
  body.copy(message, 5);
  return message;
}
