import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { apiTokens, missions, organisations } from "../../src/db/schema/index.js";
import { createApiToken } from "../../src/features/tokens/tokens.service.js";
import type { Person } from "../../src/http/actor.js";
import { createLogger } from "../../src/http/logger.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

/** A token of the focal point's agency, created through the use case. */
const tokenOf = async (person: Person, extra: Record<string, string> = {}) =>
  (await createApiToken(t.deps, person, { name: "Sync", ...extra })).secret;

const bearer = (token: string, method: string, path: string, payload?: unknown, cookie?: string) =>
  t.app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...(cookie ? { cookie } : {}),
    },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });

const newMission = {
  name: "Token Lander",
  destination: "lunar_surface",
  status: "concept",
  launch: "2031",
  launchPrecision: "year",
};
const missionName = async (slug: string) =>
  (await t.deps.db.select({ name: missions.name }).from(missions).where(eq(missions.slug, slug)))[0]?.name;

describe("creating API tokens", () => {
  it("shows the secret once to a focal point and stores only its hash and prefix", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const b = await browser(t.deps, t.app, fp);
    const res = await b.post("/private/tokens", { name: "Mission sync", expires: "" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const html = await res.text();
    const secret = /value="(isecg_[A-Za-z0-9_-]{43})"/.exec(html)?.[1];
    expect(secret).toBeDefined();
    const [row] = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.name, "Mission sync"));
    expect(row!.tokenHash).not.toContain(secret!);
    expect(JSON.stringify(row)).not.toContain(secret!);
    expect(secret!.startsWith(row!.prefix)).toBe(true);
    const list = await (await b.get("/private/tokens")).text();
    expect(list).toContain("Mission sync");
    expect(list).toContain(`${row!.prefix}…`);
    expect(list).not.toContain(secret!);
  });

  it("refuses bad input with a message per field and stores nothing", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const b = await browser(t.deps, t.app, fp);
    const res = await b.post("/private/tokens", { name: "x", expires: "2020-13-45" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Name the token");
    expect(html).toContain("Enter a real date");
    const past = await b.post("/private/tokens", { name: "Old one", expires: "2001-01-01" });
    expect(past.status).toBe(422);
    expect(await past.text()).toContain("has not passed");
    expect(await t.deps.db.select().from(apiTokens)).toEqual([]);
  });

  it("lets a focal point create tokens for their own agency only; the secretariat for any", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    expect(
      (await (await browser(t.deps, t.app, fp)).post("/private/tokens", { name: "For JAXA", agency: "JAXA" }))
        .status,
    ).toBe(403);
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const s = await browser(t.deps, t.app, sec);
    expect((await s.post("/private/tokens", { name: "No agency" })).status).toBe(422);
    expect((await s.post("/private/tokens", { name: "For JAXA", agency: "JAXA" })).status).toBe(200);
    const [jaxa] = await t.deps.db.select().from(organisations).where(eq(organisations.acronym, "JAXA"));
    const rows = await t.deps.db.select().from(apiTokens);
    expect(rows.map((r) => [r.name, r.organisationId])).toEqual([["For JAXA", jaxa!.id]]);
  });

  it("keeps members and chairs out, and shows an agency only its own tokens", async () => {
    for (const roles of [["member"], ["member", "chair"]] as const) {
      const b = await browser(t.deps, t.app, await makePerson(t.deps, [...roles], "ESA"));
      expect((await b.get("/private/tokens")).status).toBe(403);
      expect((await b.post("/private/tokens", { name: "Nope" })).status).toBe(403);
    }
    await tokenOf(await makePerson(t.deps, ["member", "focal_point"], "ESA"), { name: "ESA secret sync" });
    const jaxa = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "JAXA"));
    expect(await (await jaxa.get("/private/tokens")).text()).not.toContain("ESA secret sync");
  });
});

describe("revoking API tokens", () => {
  it("asks for confirmation, then the token is refused with 401", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const secret = await tokenOf(fp);
    const [row] = await t.deps.db.select().from(apiTokens);
    const b = await browser(t.deps, t.app, fp);
    const confirm = await b.get(`/private/tokens/${row!.id}/revoke`);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain("Revoke token");
    expect((await bearer(secret, "POST", "/api/v1/missions", newMission)).status).toBe(201);
    const res = await b.post(`/private/tokens/${row!.id}/revoke`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/private/tokens?done=revoked");
    const refused = await bearer(secret, "PATCH", "/api/v1/missions/token-lander", { status: "funded" });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe("unauthenticated");
    expect((await b.post(`/private/tokens/${row!.id}/revoke`)).status).toBe(409);
  });

  it("does not let another agency's focal point revoke it", async () => {
    await tokenOf(await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    const [row] = await t.deps.db.select().from(apiTokens);
    const jaxa = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "JAXA"));
    expect((await jaxa.get(`/private/tokens/${row!.id}/revoke`)).status).toBe(403);
    expect((await jaxa.post(`/private/tokens/${row!.id}/revoke`)).status).toBe(403);
    expect((await t.deps.db.select().from(apiTokens))[0]!.revokedAt).toBeNull();
  });
});

describe("the API with a bearer token", () => {
  it("creates and updates the token agency's missions and records the last use", async () => {
    const secret = await tokenOf(await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    const add = await bearer(secret, "POST", "/api/v1/missions", newMission);
    expect(add.status).toBe(201);
    expect((await add.json()).data.lead).toBe("ESA");
    expect((await bearer(secret, "PATCH", "/api/v1/missions/argonaut", { name: "Argonaut II" })).status).toBe(
      200,
    );
    expect(await missionName("argonaut")).toBe("Argonaut II");
    expect((await t.deps.db.select().from(apiTokens))[0]!.lastUsedAt).not.toBeNull();
  });

  it("cannot touch another agency's missions", async () => {
    const secret = await tokenOf(await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    const patch = await bearer(secret, "PATCH", "/api/v1/missions/artemis-3", { name: "Hijacked" });
    expect(patch.status).toBe(403);
    const add = await bearer(secret, "POST", "/api/v1/missions", { ...newMission, lead: "NASA" });
    expect(add.status).toBe(403);
    expect(await missionName("artemis-3")).toBe("Artemis III");
  });

  it("cannot reach the secretariat's routes, even when a secretariat session cookie rides along", async () => {
    const secret = await tokenOf(await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const cookie = (await browser(t.deps, t.app, sec)).cookie;
    const org = {
      acronym: "TSA",
      name: "Token Space Agency",
      country: "Nowhere",
      kind: "space_agency",
      joined: "2025",
    };
    expect((await bearer(secret, "POST", "/api/v1/members", org)).status).toBe(403);
    expect((await bearer(secret, "POST", "/api/v1/members", org, cookie)).status).toBe(403);
    expect((await bearer(secret, "PATCH", "/api/v1/missions/artemis-3", { name: "X" }, cookie)).status).toBe(
      403,
    );
    // A bad token is refused even with a valid session cookie: the bearer decides.
    expect((await bearer("isecg_wrong", "GET", "/api/v1/missions", undefined, cookie)).status).toBe(401);
  });

  it("refuses an expired token, an unknown one and a malformed header with 401", async () => {
    const secret = await tokenOf(await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    await t.deps.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await bearer(secret, "POST", "/api/v1/missions", newMission)).status).toBe(401);
    expect((await bearer("nonsense", "GET", "/api/v1/missions")).status).toBe(401);
    const basic = await t.app.request("/api/v1/missions", { headers: { authorization: "Basic abc" } });
    expect(basic.status).toBe(401);
  });

  it("stops working when its creator's account is deactivated", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const secret = await tokenOf(fp);
    const { people } = await import("../../src/db/schema/index.js");
    await t.deps.db.update(people).set({ active: false }).where(eq(people.id, fp.id));
    expect((await bearer(secret, "POST", "/api/v1/missions", newMission)).status).toBe(401);
  });

  it("acts with its creator's rights of today: a demoted focal point's token is refused at once", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const secret = await tokenOf(fp);
    const { people } = await import("../../src/db/schema/index.js");
    await t.deps.db
      .update(people)
      .set({ roles: ["member"] })
      .where(eq(people.id, fp.id));
    const res = await bearer(secret, "POST", "/api/v1/missions", { ...newMission, name: "Demoted Lander" });
    expect(res.status).toBe(403);
    expect(await missionName("demoted-lander")).toBeUndefined();
    const patch = await bearer(secret, "PATCH", "/api/v1/missions/argonaut", { status: "cancelled" });
    expect(patch.status).toBe(403);
    // What a member may do, the token still may: read.
    expect((await bearer(secret, "GET", "/api/v1/missions")).status).toBe(200);
  });

  it("a focal point promoted again gets the token's writing rights back at once", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const secret = await tokenOf(fp);
    const { people } = await import("../../src/db/schema/index.js");
    await t.deps.db
      .update(people)
      .set({ roles: ["member"] })
      .where(eq(people.id, fp.id));
    expect((await bearer(secret, "POST", "/api/v1/missions", newMission)).status).toBe(403);
    await t.deps.db
      .update(people)
      .set({ roles: ["member", "focal_point"] })
      .where(eq(people.id, fp.id));
    expect((await bearer(secret, "POST", "/api/v1/missions", newMission)).status).toBe(201);
  });

  it("stops working when its creator moves to another agency", async () => {
    const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const secret = await tokenOf(fp);
    const { people } = await import("../../src/db/schema/index.js");
    const [jaxa] = await t.deps.db.select().from(organisations).where(eq(organisations.acronym, "JAXA"));
    await t.deps.db.update(people).set({ organisationId: jaxa!.id }).where(eq(people.id, fp.id));
    expect((await bearer(secret, "POST", "/api/v1/missions", newMission)).status).toBe(401);
  });

  it("never writes the token to the logs", async () => {
    const secret = await tokenOf(await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    const lines: string[] = [];
    const app = createApp({ ...t.deps, log: createLogger("debug", (l) => lines.push(l)) });
    for (const token of [secret, "isecg_unknown"]) {
      await app.request("/api/v1/missions/argonaut", {
        method: "PATCH",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ status: "funded" }),
      });
    }
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("")).not.toContain(secret.slice(6));
    expect(lines.join("")).not.toContain("isecg_unknown");
  });

  it("is declared in the OpenAPI document as a bearer scheme on the write routes", async () => {
    const doc = await (await t.app.request("/api/openapi.json")).json();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/missions"].post.security).toContainEqual({ bearer: [] });
  });
});
