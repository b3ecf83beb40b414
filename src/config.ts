import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

/** The validated configuration; the only reader of process.env is `loadConfig`. */
export type Config = {
  port: number;
  host: string;
  baseUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  datasetDir: string;
  smtpUrl: string | undefined;
  /** The From of every mail, e.g. `Forum Secretariat <secretariat@example.org>`; no-reply at the host if unset. */
  mailFrom: string | undefined;
  sessionSecret: string;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  secureCookies: boolean;
  /**
   * Behind a reverse proxy every request comes from the proxy: with this set, the client address
   * (for throttling and the sessions list) is the last hop the proxy added to X-Forwarded-For.
   */
  trustProxy?: boolean;
};

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// URL")
  .optional();

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .default(3000),
  HOST: z.string().min(1, "must not be empty").default("127.0.0.1"),
  BASE_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  DATABASE_URL: postgresUrl,
  DATA_DIR: z.string().min(1, "must not be empty").default("./data"),
  DATASET_DIR: z.string().min(1, "must not be empty").default("./data/isecg"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().max(200, "must be at most 200 characters").optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  TRUST_PROXY: z.enum(["0", "1", "true", "false"], { error: "must be 1, 0, true or false" }).default("0"),
});

/** Thrown when the environment holds bad values; the message lists every problem. */
export class ConfigError extends Error {}

/** Reads and validates the environment once; creates the data directory and the session secret. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    datasetDir: resolve(e.DATASET_DIR),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionSecret: e.SESSION_SECRET ?? readOrCreateSecret(dataDir),
    logLevel: e.LOG_LEVEL,
    secureCookies: baseUrl.startsWith("https://"),
    trustProxy: e.TRUST_PROXY === "1" || e.TRUST_PROXY === "true",
  };
}

/** Keeps one random secret per data directory so sessions survive restarts. */
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, "session-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    try {
      writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another instance created it first: use theirs.
      return readFileSync(file, "utf8").trim();
    }
  }
}
