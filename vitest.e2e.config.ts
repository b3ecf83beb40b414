import { defineConfig } from "vitest/config";

/** End-to-end journeys: the real server and a real (headless) Chromium, one file at a time. */
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    pool: "forks",
    fileParallelism: false,
  },
});
