import type { Db } from "../../src/db/client.js";

/**
 * A Db on which a rival writer wins the race: its write runs and lands just before this Db's next
 * transaction starts, that is after the use case's own "already exists" check and before its insert.
 * The rival gets the plain Db, so it can run the same use case.
 */
export function rivalWritesFirst(db: Db, rival: (db: Db) => Promise<unknown>): Db {
  let raced = false;
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "transaction" && !raced) {
        raced = true;
        return async (...args: Parameters<Db["transaction"]>) => {
          await rival(target);
          return target.transaction(...args);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
