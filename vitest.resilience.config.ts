import { defineConfig } from "vitest/config";

/** Whole processes and servers under failure: data-directory ownership, database outages. */
export default defineConfig({
  test: {
    include: ["tests/resilience/**/*.resilience.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // The two files use different things (an embedded data directory; a PostgreSQL server), so
    // they run side by side.
    maxWorkers: 2,
  },
});
