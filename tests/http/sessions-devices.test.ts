import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, auditLog, people, sessions } from "../../src/db/schema/index.js";
import { browserName } from "../../src/features/auth/devices.pages.js";
import { createApiToken } from "../../src/features/tokens/tokens.service.js";
import { createSession } from "../../src/http/sessions.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();
const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

/** The short session ids listed on the page, in order. */
const sessionIds = (html: string) =>
  [...html.matchAll(/\/private\/account\/sessions\/([0-9a-f]{16})\/end/g)].map((m) => m[1]!);

describe("sessions and devices", () => {
  it("a person sees their sessions with browser, address and last use, and ends another one", async () => {
    const me = await makePerson(t.deps, ["member"], "ESA");
    await createSession(t.deps.db, me.id, t.deps.now(), { ip: "203.0.113.5", userAgent: firefox });
    const b = await browser(t.deps, t.app, me);
    const res = await b.get("/private/account/sessions");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Firefox on Linux");
    expect(html).toContain("203.0.113.5");
    expect(html).toContain("(this browser)");
    const ids = sessionIds(html);
    expect(ids).toHaveLength(2);
    // The page never shows a token, only a prefix of its hash.
    const rows = await t.deps.db.select().from(sessions).where(eq(sessions.personId, me.id));
    const other = rows.find((r) => r.ip === "203.0.113.5")!;
    expect(ids).toContain(other.tokenHash.slice(0, 16));
    const end = await b.post(`/private/account/sessions/${other.tokenHash.slice(0, 16)}/end`);
    expect(end.status).toBe(303);
    const left = await t.deps.db.select().from(sessions).where(eq(sessions.personId, me.id));
    expect(left).toHaveLength(1);
    expect((await b.get("/private")).status).toBe(200);
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "session.end"));
    expect(entry!.actorId).toBe(me.id);
  });

  it("nobody ends another person's session by its id", async () => {
    const victim = await makePerson(t.deps, ["member"], "ESA");
    await createSession(t.deps.db, victim.id, t.deps.now(), {});
    const [row] = await t.deps.db.select().from(sessions).where(eq(sessions.personId, victim.id));
    const attacker = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    expect((await attacker.post(`/private/account/sessions/${row!.tokenHash.slice(0, 16)}/end`)).status).toBe(
      404,
    );
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.personId, victim.id))).toHaveLength(1);
  });

  it("ending this browser's own session signs it out", async () => {
    const me = await makePerson(t.deps, ["member"], "ESA");
    const b = await browser(t.deps, t.app, me);
    const [id] = sessionIds(await (await b.get("/private/account/sessions")).text());
    const res = await b.post(`/private/account/sessions/${id}/end`);
    expect(res.headers.get("location")).toBe("/sign-in");
    expect((await b.get("/private")).status).toBe(303);
  });

  it("a person revokes an API token they created, even after losing the focal point role", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const { secret } = await createApiToken(t.deps, fp, { name: "Old sync" });
    await t.deps.db
      .update(people)
      .set({ roles: ["member"] })
      .where(eq(people.id, fp.id));
    const b = await browser(t.deps, t.app, fp);
    expect(await (await b.get("/private/account/sessions")).text()).toContain("Old sync");
    const [token] = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.name, "Old sync"));
    expect((await b.post(`/private/account/tokens/${token!.id}/revoke`)).status).toBe(303);
    const api = await t.app.request("/api/v1/missions", { headers: { authorization: `Bearer ${secret}` } });
    expect(api.status).toBe(401);
    const other = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    expect((await other.post(`/private/account/tokens/${token!.id}/revoke`)).status).toBe(404);
  });

  it("the secretariat ends every session of a person after a confirmation; others may not", async () => {
    const person = await makePerson(t.deps, ["member"], "ESA");
    const theirs = await browser(t.deps, t.app, person);
    await createSession(t.deps.db, person.id, t.deps.now(), {});
    const fp = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    expect((await fp.post(`/private/people/${person.id}/sessions/end`)).status).toBe(403);
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    expect(await (await sec.get(`/private/people/${person.id}/sessions/end`)).text()).toContain(
      "End every session of",
    );
    expect((await sec.post(`/private/people/${person.id}/sessions/end`)).status).toBe(303);
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.personId, person.id))).toEqual([]);
    expect((await theirs.get("/private")).status).toBe(303);
  });

  it("names browsers in words", () => {
    expect(browserName(firefox)).toBe("Firefox on Linux");
    expect(browserName(null)).toBe("Unknown browser");
  });
});
