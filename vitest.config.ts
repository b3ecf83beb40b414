import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.{ts,tsx}", "tests/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Test files share a worker's loaded modules instead of importing the whole app again each
    // (import time was most of a run); every file still opens its own database copy.
    isolate: false,
  },
});
