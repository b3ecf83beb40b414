import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger as DrizzleLogger } from "drizzle-orm/logger";

/** The statements one piece of work sent, in order (their SQL text, parameters left out). */
export type StatementTally = { count: number; statements: string[] };

// Node enables its async tracking for this store only once `run` is first called, so a process
// where no one counts (production) pays one `getStore()` returning undefined per statement.
const tallies = new AsyncLocalStorage<StatementTally>();

/**
 * Drizzle's logger hook, given to both back ends in client.ts: every statement Drizzle sends (also
 * inside a transaction) is added to the tally of the work that is counting, if any.
 */
export const statementCounter: DrizzleLogger = {
  logQuery(query) {
    const tally = tallies.getStore();
    if (!tally) return;
    tally.count++;
    tally.statements.push(query);
  },
};

/**
 * Runs `fn` and counts the SQL statements it sends through the database wrapper. Each call has its
 * own tally (AsyncLocalStorage), so concurrent requests never add to each other's count.
 */
export async function countStatements<T>(fn: () => Promise<T> | T): Promise<StatementTally & { result: T }> {
  const tally: StatementTally = { count: 0, statements: [] };
  const result = await tallies.run(tally, fn);
  return { ...tally, result };
}
