import type { PageCache } from "./page-cache.js";

type Memo = { version: number; value: Promise<unknown> };

// One set of memos per page cache (per app instance), so apps in one process never share them.
const memos = new WeakMap<PageCache, Map<string, Memo>>();

/**
 * Small, rarely changed data many pages show (the organisations, the groups), read once per
 * page-cache generation. The generation moves on every write through `write()` here, and on
 * another instance's write through NOTIFY (`invalidateLocally`), so the next read loads it again.
 * Only for data whose every change goes through `write()` without `invalidatesPages: false`;
 * callers must not change what they get.
 */
export function readOncePerWrite<T>(cache: PageCache, key: string, load: () => Promise<T>): Promise<T> {
  let byKey = memos.get(cache);
  if (!byKey) {
    byKey = new Map();
    memos.set(cache, byKey);
  }
  const memo = byKey.get(key);
  if (memo && memo.version === cache.currentVersion) return memo.value as Promise<T>;
  // The version before the read: a write during it leaves a memo that is already stale. Awaited
  // once here, because a Drizzle query is a lazy thenable that runs again each time it is awaited.
  const entry: Memo = { version: cache.currentVersion, value: (async () => await load())() };
  byKey.set(key, entry);
  const map = byKey;
  entry.value.catch(() => {
    if (map.get(key) === entry) map.delete(key);
  });
  return entry.value as Promise<T>;
}
