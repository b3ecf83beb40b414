import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, people } from "../../src/db/schema/index.js";
import { guessRules } from "../../src/features/auth/guess-throttle.service.js";
import { issueSetupCode } from "../../src/features/setup/setup.service.js";
import { loggablePath } from "../../src/http/redact.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });

const form = {
  forumName: "Lunar Coordination Forum",
  name: "Ada Lovelace",
  email: "Ada@Example.org",
  password: "a long first password",
  confirmPassword: "a long first password",
};

/** A database as the first start leaves it: the dataset, but no secretariat. */
async function withoutSecretariat() {
  await t.deps.db.update(people).set({ active: false }).where(sql`'secretariat' = any(${people.roles})`);
}

/** The socket the request seems to come from (the app reads the client address there); no headers. */
const from = (address: string) => ({
  incoming: { headers: {}, socket: { remoteAddress: address, remoteFamily: "IPv4" } },
});

describe("the first run in the browser", () => {
  it("the setup address creates the first secretariat account, names the forum and signs in; then 404", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    await withoutSecretariat();
    const code = await issueSetupCode(t.deps);
    expect(code).toMatch(/^[\w-]{32}$/);
    const b = await browser(t.deps, t.app);
    const page = await b.get(`/setup/${code}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toContain("no-store");
    expect(await page.text()).toContain("Create the secretariat account");
    const res = await b.post(`/setup/${code}`, form);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/private");
    expect(res.headers.get("set-cookie")).toMatch(/isecg_session=/);
    const [ada] = await t.deps.db.select().from(people).where(eq(people.email, "ada@example.org"));
    expect(ada).toMatchObject({ name: "Ada Lovelace", roles: ["secretariat"], active: true });
    expect(await (await t.app.request("/")).text()).toContain("Lunar Coordination Forum");
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "setup.complete"));
    expect(entry!.subjectId).toBe(String(ada!.id));
    // Works once: the same address, or any other code, is gone.
    expect((await b.get(`/setup/${code}`)).status).toBe(404);
    expect((await b.post(`/setup/${code}`, { ...form, email: "eve@example.org" })).status).toBe(404);
    expect(await issueSetupCode(t.deps)).toBeNull();
    const secretariat = await t.deps.db
      .select({ id: people.id })
      .from(people)
      .where(sql`'secretariat' = any(${people.roles}) and ${people.active}`);
    expect(secretariat).toHaveLength(1);
  });

  it("a database that has a secretariat gets no code, and a made-up code answers 404", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    await makePerson(t.deps, ["secretariat"], null);
    expect(await issueSetupCode(t.deps)).toBeNull();
    expect((await t.app.request("/setup/abcdefghijklmnopqrstuvwxyz012345")).status).toBe(404);
  });

  it("bad input re-renders the form with messages and creates nothing; the code still works", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    await withoutSecretariat();
    const code = await issueSetupCode(t.deps);
    const b = await browser(t.deps, t.app);
    const res = await b.post(`/setup/${code}`, { ...form, password: "short", confirmPassword: "other" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Use at least 12 characters.");
    expect(await t.deps.db.select().from(people).where(eq(people.email, "ada@example.org"))).toEqual([]);
    expect((await b.post(`/setup/${code}`, form)).status).toBe(303);
  });

  it("guessing codes is throttled per address, and never blocks the operator's own address", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    await withoutSecretariat();
    const code = await issueSetupCode(t.deps);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await t.app.request(`/setup/guess${i}xxxxxxxxxxxxxxxxxxxxxx`, {}, from("198.51.100.30"));
      statuses.push(res.status);
    }
    expect(
      statuses.filter((s) => s === 404),
      String(statuses),
    ).toHaveLength(guessRules.freeFailures);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - guessRules.freeFailures);
    // Even the right code waits from the guessing address; the operator's address is not affected.
    expect((await t.app.request(`/setup/${code}`, {}, from("198.51.100.30"))).status).toBe(429);
    expect((await t.app.request(`/setup/${code}`, {}, from("203.0.113.30"))).status).toBe(200);
  });

  it("the code never reaches the request log", () => {
    expect(loggablePath("/setup/secret-code-123")).toBe("/setup/[token]");
  });
});
