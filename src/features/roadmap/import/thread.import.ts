/**
 * Plans a large missions file in a worker thread, so that checking the rows and encoding the
 * batches runs beside the writes instead of between them: the embedded database works on the main
 * thread, and with 100,000 missions the checks are about two fifths of the import.
 */
import { Worker } from "node:worker_threads";
import type { ImportError, ImportFormat } from "../../../domain/import-report.js";
import type { PlannedBatch, Planning } from "./batches.import.js";
import type { ImportContext } from "./plan.import.js";

/** What the worker gets: the file and the context of the checks, copied once. */
export type WorkerInput = { text: string; format: ImportFormat; ctx: ImportContext; write: boolean };

/** What the worker sends: the file's size and structure problems first, then batches, then done. */
export type FromWorker =
  | { kind: "read"; rows: number; errors: ImportError[] }
  | { kind: "batch"; batch: PlannedBatch }
  | { kind: "done" };

const entry = new URL("./worker-entry.import.mjs", import.meta.url);

/** Starts planning `input` in a worker; resolves once the file is read, with its batches to come. */
export async function planInWorker(input: WorkerInput): Promise<Planning> {
  const worker = new Worker(entry, { workerData: input });
  const messages = messagesFrom(worker);
  const first = await messages.next();
  if (first.done || first.value.kind !== "read") throw new Error("The import's worker sent no file summary.");
  async function* batches(): AsyncGenerator<PlannedBatch> {
    for await (const message of messages) {
      if (message.kind !== "batch") continue;
      yield message.batch;
      worker.postMessage("more");
    }
  }
  return { rows: first.value.rows, errors: first.value.errors, batches: batches() };
}

/** The worker's messages in order until "done"; its crash is thrown; it is stopped when they end. */
async function* messagesFrom(worker: Worker): AsyncGenerator<FromWorker> {
  const queue: FromWorker[] = [];
  let failure: Error | undefined;
  let notify: (() => void) | undefined;
  worker.on("message", (m: FromWorker) => {
    queue.push(m);
    notify?.();
  });
  worker.on("error", (e) => {
    failure = e;
    notify?.();
  });
  worker.on("exit", (code) => {
    failure ??= new Error(`The import's worker stopped (exit code ${code}).`);
    notify?.();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (message?.kind === "done") return;
      if (message) yield message;
      else if (failure) throw failure;
      else await new Promise<void>((resolve) => (notify = resolve));
    }
  } finally {
    await worker.terminate();
  }
}
