import type { Deps } from "../deps.js";

/** A piece of work the server repeats on a clock. */
export type Job = {
  name: string;
  everyMs: number;
  /**
   * Every instance runs it, for effects on that instance alone (its own page cache). Other jobs run
   * on one instance at a time.
   */
  everyInstance?: boolean;
  /** Does one round of the work; counts it returns are logged when any is above zero. */
  run: () => Promise<Record<string, number> | undefined>;
  /** Frees what the job holds (an SMTP connection), once the scheduler has stopped. */
  stop?: () => void;
};

/** Runs `fn` unless another instance is running the job of that name (then resolves false). */
export type Exclusively = (name: string, fn: () => Promise<void>) => Promise<boolean>;

/**
 * Starts every job on its own interval. A job never overlaps itself; one that fails is logged and
 * tried again at its next tick, and never stops the others. Timers do not keep the process alive.
 * The returned function stops the clocks and waits for rounds in flight, so the database can close.
 */
export function startScheduler(
  deps: Pick<Deps, "log">,
  jobs: Job[],
  exclusively: Exclusively,
): () => Promise<void> {
  const inFlight = new Map<string, Promise<void>>();
  const round = async (job: Job) => {
    try {
      const work = async () => {
        const counts = await job.run();
        if (counts && Object.values(counts).some((n) => n > 0)) deps.log.info(job.name, counts);
      };
      if (job.everyInstance) await work();
      else await exclusively(job.name, work);
    } catch (e) {
      deps.log.warn("scheduled job failed; it will be tried again", { job: job.name, error: String(e) });
    }
  };
  const timers = jobs.map((job) => {
    const timer = setInterval(() => {
      if (inFlight.has(job.name)) return;
      inFlight.set(
        job.name,
        round(job).finally(() => inFlight.delete(job.name)),
      );
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.all(inFlight.values());
    for (const job of jobs) job.stop?.();
  };
}
