import { describe, expect, it } from "vitest";
import { createLogger } from "../http/logger.js";
import { type Exclusively, type Job, startScheduler } from "./scheduler.js";

const log = createLogger("silent");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alone: Exclusively = async (_name, fn) => {
  await fn();
  return true;
};

describe("the scheduler", () => {
  it("keeps running the other jobs when one fails, and tries the failing one again", async () => {
    let failures = 0;
    let rounds = 0;
    const jobs: Job[] = [
      {
        name: "broken",
        everyMs: 10,
        run: async () => {
          failures++;
          throw new Error("boom");
        },
      },
      { name: "fine", everyMs: 10, run: async () => ({ done: ++rounds }) },
    ];
    const stop = startScheduler({ log }, jobs, alone);
    await sleep(120);
    await stop();
    expect(failures).toBeGreaterThan(2);
    expect(rounds).toBeGreaterThan(2);
  });

  it("never overlaps a job with itself, and stop waits for the round in flight", async () => {
    let running = 0;
    let most = 0;
    let finished = 0;
    const slow: Job = {
      name: "slow",
      everyMs: 5,
      run: async () => {
        most = Math.max(most, ++running);
        await sleep(40);
        running--;
        finished++;
        return undefined;
      },
    };
    const stop = startScheduler({ log }, [slow], alone);
    await sleep(60);
    await stop();
    expect(most).toBe(1);
    expect(running).toBe(0);
    expect(finished).toBeGreaterThan(0);
  });

  it("runs shared jobs only where the lock is had, and every-instance jobs everywhere", async () => {
    const ran: string[] = [];
    const lockedElsewhere: Exclusively = async () => false;
    const jobs: Job[] = [
      { name: "shared", everyMs: 10, run: async () => void ran.push("shared") },
      { name: "local", everyMs: 10, everyInstance: true, run: async () => void ran.push("local") },
    ];
    const stop = startScheduler({ log }, jobs, lockedElsewhere);
    await sleep(60);
    await stop();
    expect(ran).toContain("local");
    expect(ran).not.toContain("shared");
  });

  it("frees what jobs hold once stopped", async () => {
    let stopped = false;
    const stop = startScheduler(
      { log },
      [
        {
          name: "mail",
          everyMs: 1000,
          run: async () => undefined,
          stop: () => {
            stopped = true;
          },
        },
      ],
      alone,
    );
    await stop();
    expect(stopped).toBe(true);
  });
});
