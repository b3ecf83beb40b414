/**
 * A few worker threads that each take one task at a time, for CPU-heavy work that would otherwise
 * stall every request on the main thread. Workers start on the first task, not with the server, and
 * stop after a while without work; the queue is bounded, so under more load than they can serve a
 * task is refused at once (503 with Retry-After) instead of waiting behind dozens of others.
 */
import type { Worker } from "node:worker_threads";
import { AppError } from "../../http/errors.js";

/** What a worker answers to each task: its result, or the message of what it threw. */
export type WorkerReply<Out> = { ok: true; value: Out } | { ok: false; error: string };

/** `spawn` starts one worker; at most `size` run, `maxQueued` tasks wait; idle ones stop after `idleMs`. */
export type PoolOptions = { spawn: () => Worker; size: number; maxQueued: number; idleMs: number };

/** Whether anyone still waits for a task's result; a queued task nobody wants is dropped unrun. */
export type Wanted = () => boolean;

type Task<In, Out> = { input: In; wanted?: Wanted; resolve: (out: Out) => void; reject: (e: Error) => void };
type Slot<In, Out> = { worker: Worker; task?: Task<In, Out>; idleTimer?: NodeJS.Timeout };

/** The error of a refused task: 503, the client should try again shortly. */
export const busy = () =>
  new AppError("unavailable", "The server is busy; please try again in a few seconds.");
const closing = () => new AppError("unavailable", "The server is shutting down; please try again shortly.");
const unwanted = () => new AppError("unavailable", "Nobody waits for this result any more.");

/** A bounded pool of worker threads; see the file's comment. */
export class WorkerPool<In, Out> {
  private slots: Slot<In, Out>[] = [];
  private queue: Task<In, Out>[] = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  /** How many workers are running now (0 before the first task). */
  get workers(): number {
    return this.slots.length;
  }

  /** Whether a task given now would be refused: every worker busy and the queue full of wanted tasks. */
  full(): boolean {
    const free = this.slots.some((s) => !s.task) || this.slots.length < this.options.size;
    if (free || this.queue.length < this.options.maxQueued) return false;
    // Tasks whose clients went away (closed connections) make room for others.
    this.queue = this.queue.filter((task) => this.keep(task));
    return this.queue.length >= this.options.maxQueued;
  }

  /**
   * Runs `input` on a free worker, or after the tasks queued before it; refused (503) when full.
   * `wanted` is asked when the task's turn comes: a task whose clients have gone is dropped unrun.
   */
  run(input: In, wanted?: Wanted): Promise<Out> {
    if (this.closed) return Promise.reject(closing());
    if (this.full()) return Promise.reject(busy());
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, wanted, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; tasks running or queued are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(closing());
    await Promise.all(this.slots.splice(0).map((slot) => this.stop(slot)));
  }

  /** Whether a queued task is still wanted; rejects it if not. */
  private keep(task: Task<In, Out>): boolean {
    if (!task.wanted || task.wanted()) return true;
    task.reject(unwanted());
    return false;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot =
        this.slots.find((s) => !s.task) ?? (this.slots.length < this.options.size ? this.start() : undefined);
      if (!slot) return;
      const task = this.queue.shift()!;
      if (!this.keep(task)) continue;
      clearTimeout(slot.idleTimer);
      slot.task = task;
      // A busy worker keeps the process alive until it answers; an idle one never does.
      slot.worker.ref();
      slot.worker.postMessage(task.input);
    }
  }

  private start(): Slot<In, Out> {
    const slot: Slot<In, Out> = { worker: this.options.spawn() };
    slot.worker.on("message", (reply: WorkerReply<Out>) => {
      const task = slot.task;
      slot.task = undefined;
      if (reply.ok) task?.resolve(reply.value);
      else task?.reject(new Error(reply.error));
      slot.worker.unref();
      slot.idleTimer = setTimeout(() => this.retire(slot), this.options.idleMs).unref();
      this.dispatch();
    });
    // A worker that crashed or exited fails its task; the next task starts a new one.
    slot.worker.on("error", (e) => this.lose(slot, e));
    slot.worker.on("exit", (code) => this.lose(slot, new Error(`A worker stopped (exit code ${code}).`)));
    this.slots.push(slot);
    return slot;
  }

  private lose(slot: Slot<In, Out>, error: Error): void {
    this.slots = this.slots.filter((s) => s !== slot);
    clearTimeout(slot.idleTimer);
    slot.task?.reject(this.closed ? closing() : error);
    slot.task = undefined;
    if (!this.closed) this.dispatch();
  }

  /** Stops a worker idle for `idleMs`, so a burst of work does not keep its memory for good. */
  private retire(slot: Slot<In, Out>): void {
    if (slot.task) return;
    this.slots = this.slots.filter((s) => s !== slot);
    void this.stop(slot);
  }

  private async stop(slot: Slot<In, Out>): Promise<void> {
    clearTimeout(slot.idleTimer);
    await slot.worker.terminate();
  }
}
