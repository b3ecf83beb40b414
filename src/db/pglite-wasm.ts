import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * PGlite's WebAssembly (9 MB), compiled on V8's background threads. Started before the rest of the
 * server has loaded (cli/early.ts), it compiles meanwhile instead of after: a twentieth of a restart.
 */
let compiling: Promise<WebAssembly.Module | undefined> | undefined;

/** Starts compiling PGlite's WebAssembly, once. */
export function compilePgliteEarly(): void {
  if (compiling) return;
  // Whatever goes wrong, PGlite finds and compiles its WebAssembly itself, as when not started early.
  try {
    const pglite = createRequire(import.meta.url).resolve("@electric-sql/pglite");
    // Read and handed to V8 now: the modules that follow run without a pause, so a read's callback
    // would come only once they all have.
    compiling = WebAssembly.compile(readFileSync(join(dirname(pglite), "pglite.wasm"))).catch(
      () => undefined,
    );
  } catch {
    compiling = Promise.resolve(undefined);
  }
}

/** PGlite's options for its WebAssembly if it was compiled early: none otherwise, and PGlite compiles it. */
export async function compiledPglite(): Promise<{ pgliteWasmModule?: WebAssembly.Module }> {
  const pgliteWasmModule = await compiling;
  return pgliteWasmModule ? { pgliteWasmModule } : {};
}
