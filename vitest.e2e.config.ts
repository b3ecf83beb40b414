import { defineConfig } from "vitest/config";

/** End-to-end journeys: the real server and a real (headless) Chromium per file, two files at a time. */
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    // A journey takes 10-45 s; the limit leaves room for a busy machine.
    testTimeout: 120_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    pool: "forks",
    // Much of a journey is waiting (for the browser, the server, the mail worker), so two files run
    // at once even on two cores. Each file starts its own server on its own copy of the database.
    maxWorkers: 2,
    // The files of a worker share its loaded modules instead of importing the whole app again
    // each (about 4 s a file). The app keeps no state at module level: each server has its own.
    isolate: false,
  },
});
