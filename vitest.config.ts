import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { SlowFilesFirst } from "./tests/support/slow-files-first.js";

export default defineConfig({
  test: {
    include: ["src/**/*.test.{ts,tsx}", "tests/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two files at a time even on a two-core machine (the default leaves one core to the runner,
    // which does little): a run takes about half as long.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Test files share a worker's loaded modules instead of importing the whole app again each
    // (import time was most of a run); every file still opens its own database copy.
    isolate: false,
    sequence: { sequencer: SlowFilesFirst },
    // Transformed modules are kept on disk (node_modules/.experimental-vitest-cache): the next run,
    // here or in CI's next suite, starts its workers without compiling the app again.
    experimental: { fsModuleCache: true },
  },
});
