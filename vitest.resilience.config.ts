import { defineConfig } from "vitest/config";

/** Whole processes and servers under failure: data-directory ownership, database outages. */
export default defineConfig({
  test: {
    include: ["tests/resilience/**/*.resilience.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
