// Runs the bundle with V8's code cache: the functions a server compiles while it starts are kept beside
// the bundle, so the next start reads them instead of parsing and compiling three megabytes again (about
// a tenth of a second; decision 0008). Node 20 keeps no such cache for ES modules, which is why the
// bundle is CommonJS, run here as Node would run it but through vm.Script, which takes a cache.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname } from "node:path";
import vm from "node:vm";

/** What the server emits once it listens: by then everything a start needs has been compiled. */
export const startedEvent = "isecg:started";

/** The cache of `bundle`: a cache older than the bundle belongs to an earlier build. */
export const cacheOf = (bundle) => `${bundle}.cache`;

function readCache(bundle) {
  const cache = cacheOf(bundle);
  if (!existsSync(cache) || statSync(cache).mtimeMs < statSync(bundle).mtimeMs) return undefined;
  return readFileSync(cache);
}

/**
 * Runs the CommonJS bundle at `bundle`, and keeps its compiled code once the server has started.
 * Says whether the code came from the cache.
 */
export function runBundle(bundle) {
  const cachedData = readCache(bundle);
  const script = new vm.Script(Module.wrap(readFileSync(bundle, "utf8")), {
    filename: bundle,
    cachedData,
  });
  // No cache yet, or one V8 refuses (another Node version or other V8 options): make one.
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  if (!cached) process.once(startedEvent, () => keepCache(bundle, script));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return cached ? "cached" : "compiled";
}

function keepCache(bundle, script) {
  const partial = `${cacheOf(bundle)}.${process.pid}.tmp`;
  try {
    // Written aside and renamed, so another process starting meanwhile never reads half a cache.
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheOf(bundle));
  } catch {
    // A checkout it cannot write to starts without the cache, as before it existed.
    rmSync(partial, { force: true });
  }
}
