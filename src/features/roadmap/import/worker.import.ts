/**
 * Worker thread entry: reads and plans a large missions file (see roadmap/import/thread.import.ts) and
 * sends the batches one by one, their records handed over without a copy. It stays at most a few
 * batches ahead of the writes, so encoded batches do not pile up when the checks outrun the database.
 */
import { parentPort, workerData } from "node:worker_threads";
import { planFile } from "./batches.import.js";
import type { FromWorker, WorkerInput } from "./thread.import.js";

/** Batches sent ahead of those the main thread has taken. */
const AHEAD = 2;

const port = parentPort!;
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let credits = AHEAD;
let wake: (() => void) | undefined;
port.on("message", () => {
  credits++;
  wake?.();
});

const { text, format, ctx, write } = workerData as WorkerInput;
const planning = planFile(text, format, ctx, write);
send({ kind: "read", rows: planning.rows, errors: planning.errors });
for (const batch of planning.batches) {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
  const buffers = [batch.creates, batch.updates].flatMap((b) => (b ? [b.buffer as ArrayBuffer] : []));
  send({ kind: "batch", batch }, buffers);
}
send({ kind: "done" });
port.close();
