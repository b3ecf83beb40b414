import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, auditLog, missionRevisions, people, sessions } from "../../src/db/schema/index.js";
import { revokeOwnToken } from "../../src/features/auth/devices.service.js";
import { invitePerson } from "../../src/features/invitations/invitations.service.js";
import { createMission } from "../../src/features/roadmap/roadmap.service.js";
import { createApiToken } from "../../src/features/tokens/tokens.service.js";
import type { Person } from "../../src/http/actor.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

describe("people and visitors", () => {
  it("the people API needs a sign-in: visitors get 401 and no names", async () => {
    const someone = await makePerson(t.deps, ["member"], "ESA");
    for (const path of ["/api/v1/people", `/api/v1/people/${someone.id}`, "/api/v1/people?agency=ESA"]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(401);
      expect(await res.text()).not.toContain(someone.name);
    }
  });

  it("public pages never list a participant who is not published on purpose", async () => {
    const someone = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    for (const path of ["/members/esa", "/members", "/about", "/groups"]) {
      const html = await (await t.app.request(path)).text();
      expect(html, path).not.toContain(someone.name);
      expect(html, path).not.toContain(someone.email);
    }
    // Search echoes the query itself; no result may lead to the person.
    const found = await (await t.app.request(`/search?q=${encodeURIComponent(someone.email)}`)).text();
    expect(found).not.toMatch(/href="[^"]*people/);
  });
});

describe("a person's data requests (GDPR)", () => {
  it("the secretariat downloads everything held about a person as JSON, without the password hash; audited", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    await t.deps.db.update(people).set({ passwordHash: "scrypt$secret-hash" }).where(eq(people.id, fp.id));
    await createApiToken(t.deps, fp, { name: "Sync" });
    await browser(t.deps, t.app, fp); // opens a session
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const res = await sec.get(`/private/people/${fp.id}/privacy/export.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const text = await res.text();
    expect(text).not.toContain("secret-hash");
    const data = JSON.parse(text);
    expect(data.person).toMatchObject({ email: fp.email, organisation: "ESA", hasPassword: true });
    expect(data.sessions).toHaveLength(1);
    expect(data.apiTokens.map((x: { name: string }) => x.name)).toEqual(["Sync"]);
    expect(data.activity.some((a: { action: string }) => a.action === "token.create")).toBe(true);
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "person.export"));
    expect(entry!.subjectId).toBe(String(fp.id));
  });

  it("erasing asks first, then removes name, e-mail and access, and relabels the records they wrote", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const { secret } = await createApiToken(t.deps, fp, { name: "Sync" });
    const theirs = await browser(t.deps, t.app, fp);
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const confirm = await sec.get(`/private/people/${fp.id}/privacy/erase`);
    expect(await confirm.text()).toContain("This cannot be undone");
    const res = await sec.post(`/private/people/${fp.id}/privacy/erase`);
    expect(res.status).toBe(303);
    const [row] = await t.deps.db.select().from(people).where(eq(people.id, fp.id));
    expect(row).toMatchObject({ name: `Former participant #${fp.id}`, active: false, passwordHash: null });
    expect(row!.email).not.toContain(fp.email);
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.personId, fp.id))).toEqual([]);
    expect((await theirs.get("/private")).status).toBe(303);
    const api = await t.app.request("/api/v1/missions", { headers: { authorization: `Bearer ${secret}` } });
    expect(api.status).toBe(401);
    const [token] = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.createdById, fp.id));
    expect(token!.createdByName).toBe(`Former participant #${fp.id}`);
    const written = await t.deps.db.select().from(auditLog).where(eq(auditLog.actorId, fp.id));
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((a) => a.actorName === `Former participant #${fp.id}`)).toBe(true);
    const [erased] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "person.erase"));
    expect(erased!.summary).not.toContain(fp.name);
  });

  it("erasing also replaces the person's name and address in audit summaries, mission histories and revoked tokens", async () => {
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const email = "ada.quill@esa.example";
    const id = await invitePerson(t.deps, sec, {
      name: "Ada Quill",
      email,
      organisation: "ESA",
      roles: ["member", "focal_point"],
    });
    await t.deps.db.update(people).set({ active: true }).where(eq(people.id, id));
    const ada: Person = {
      ...(await makePerson(t.deps, ["member", "focal_point"], "ESA")),
      id,
      name: "Ada Quill",
      email,
    };
    await createMission(t.deps, ada, {
      name: "Quill Relay",
      lead: "ESA",
      destination: "lunar_orbit",
      status: "funded",
      launch: "2031",
      launchPrecision: "year",
    });
    const { token } = await createApiToken(t.deps, ada, { name: "Sync" });
    await revokeOwnToken(t.deps, ada, token.id);
    // A namesake's longer name is someone else's and stays.
    await createApiToken(t.deps, await makePerson(t.deps, ["member", "focal_point"], "ESA"), {
      name: "Ada Quillon's feed",
    });

    const res = await (await browser(t.deps, t.app, sec)).post(`/private/people/${id}/privacy/erase`);
    expect(res.status).toBe(303);
    const label = `Former participant #${id}`;
    const log = JSON.stringify(await t.deps.db.select().from(auditLog));
    expect(log).not.toContain('Ada Quill"');
    expect(log).not.toMatch(/Ada Quill(?!on)/);
    expect(log.toLowerCase()).not.toContain(email);
    expect(log).toContain(`Invited ${label} <erased-address>`);
    expect(log).toContain("Ada Quillon's feed");
    const [revision] = await t.deps.db
      .select()
      .from(missionRevisions)
      .where(eq(missionRevisions.actorId, id));
    expect(revision!.actorName).toBe(label);
    const [revoked] = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(revoked).toMatchObject({ createdByName: label, revokedByName: label });
  });

  it("nobody but the secretariat may export or erase, and the secretariat cannot erase itself", async () => {
    const target = await makePerson(t.deps, ["member"], "ESA");
    const fp = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    expect((await fp.get(`/private/people/${target.id}/privacy/export.json`)).status).toBe(403);
    expect((await fp.post(`/private/people/${target.id}/privacy/erase`)).status).toBe(403);
    const me = await makePerson(t.deps, ["secretariat"], null);
    const self = await (await browser(t.deps, t.app, me)).post(`/private/people/${me.id}/privacy/erase`);
    expect(self.status).toBe(422);
    const [still] = await t.deps.db.select().from(people).where(eq(people.id, me.id));
    expect(still!.name).toBe(me.name);
  });
});
