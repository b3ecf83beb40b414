import { resolve } from "node:path";
import type { Config } from "../../src/config.js";

/** A configuration for tests: fixed secret, quiet logs, the shipped dataset. */
export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    baseUrl: "http://localhost:3000",
    databaseUrl: undefined,
    dataDir,
    datasetDir: resolve("data/isecg"),
    smtpUrl: undefined,
    mailFrom: undefined,
    sessionSecret: "test-secret-test-secret-test-secret-0123",
    logLevel: "silent",
    secureCookies: false,
    ...overrides,
  };
}
