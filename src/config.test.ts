import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const dir = () => mkdtempSync(join(tmpdir(), "cfg-"));

describe("configuration", () => {
  it("has sensible defaults: port 3000 on loopback, embedded database, base URL from the port", () => {
    const c = loadConfig({ DATA_DIR: dir() });
    expect(c).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      baseUrl: "http://localhost:3000",
      databaseUrl: undefined,
      secureCookies: false,
    });
  });

  it("lists every bad value with a clear message", () => {
    const bad = () =>
      loadConfig({
        DATA_DIR: dir(),
        PORT: "70000",
        DATABASE_URL: "mysql://x",
        BASE_URL: "ftp://x",
        SMTP_URL: "http://x",
        SESSION_SECRET: "short",
      });
    expect(bad).toThrow(ConfigError);
    try {
      bad();
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain("PORT: must be between 0 and 65535");
      expect(msg).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
      expect(msg).toContain("BASE_URL: must be an http:// or https:// URL");
      expect(msg).toContain("SMTP_URL: must be an smtp:// or smtps:// URL");
      expect(msg).toContain("SESSION_SECRET: must be at least 32 characters");
    }
  });

  it("generates a session secret once and keeps it in the data directory", () => {
    const d = dir();
    const first = loadConfig({ DATA_DIR: d }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(readFileSync(join(d, "session-secret"), "utf8").trim()).toBe(first);
    expect(loadConfig({ DATA_DIR: d }).sessionSecret).toBe(first);
  });

  it("sends mail from the operator's address, or from no-reply at the site's host", async () => {
    const { senderFor } = await import("./features/mail/mail.transport.jobs.js");
    const own = loadConfig({ DATA_DIR: dir(), MAIL_FROM: "Forum Secretariat <sec@example.org>" });
    expect(senderFor(own)).toBe("Forum Secretariat <sec@example.org>");
    expect(senderFor(loadConfig({ DATA_DIR: dir(), BASE_URL: "https://forum.example.org" }))).toBe(
      "no-reply@forum.example.org",
    );
  });

  it("uses secure cookies behind an https base URL", () => {
    expect(loadConfig({ DATA_DIR: dir(), BASE_URL: "https://isecg.example/" })).toMatchObject({
      secureCookies: true,
      baseUrl: "https://isecg.example",
    });
  });

  it("trusts a reverse proxy's X-Forwarded-For only when told to", () => {
    expect(loadConfig({ DATA_DIR: dir() }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dir(), TRUST_PROXY: "1" }).trustProxy).toBe(true);
    expect(() => loadConfig({ DATA_DIR: dir(), TRUST_PROXY: "maybe" })).toThrow(/TRUST_PROXY: must be 1, 0/);
  });
});
