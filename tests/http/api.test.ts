import { describe, expect, it } from "vitest";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

describe("JSON API", () => {
  it("lists the 27 members with their public fields", async () => {
    const body = await (await t.app.request("/api/v1/members")).json();
    expect(body.data).toHaveLength(27);
    const esa = body.data.find((m: { slug: string }) => m.slug === "esa");
    expect(esa).toMatchObject({ acronym: "ESA", founding: true, joined: "2007-11", kind: "space_agency" });
    expect(esa.id).toBeUndefined();
  });

  it("answers one member, and a stable error code for an unknown one", async () => {
    expect((await (await t.app.request("/api/v1/members/jaxa")).json()).data.name).toContain("Japan");
    const res = await t.app.request("/api/v1/members/unknown");
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: "not_found" });
  });

  it("lists people to signed-in members only (with e-mail); visitors get 401 and no names", async () => {
    const them = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    for (const path of ["/api/v1/people?agency=ESA", `/api/v1/people/${them.id}`]) {
      const visitor = await t.app.request(path);
      expect(visitor.status).toBe(401);
      expect(await visitor.text()).not.toContain(them.name);
    }
    const me = await makePerson(t.deps, ["member"], "CSA");
    const memberView = (
      await (await (await browser(t.deps, t.app, me)).get("/api/v1/people?agency=ESA")).json()
    ).data;
    expect(memberView[0].email).toMatch(/@example\.org$/);
  });

  it("the secretariat adds a member through the API; bad input gets 422 with field messages and changes nothing", async () => {
    const me = await makePerson(t.deps, ["secretariat"], null);
    const b = await browser(t.deps, t.app, me);
    const bad = await b.json("POST", "/api/v1/members", {
      acronym: "X1",
      name: "Person Name",
      country: "Y",
      kind: "individual",
      joined: "2025",
    });
    expect(bad.status).toBe(422);
    const err = (await bad.json()).error;
    expect(err.code).toBe("validation_failed");
    expect(err.fields.kind).toMatch(/individuals cannot/);
    expect(err.requestId).toBeTruthy();
    expect((await t.app.request("/api/v1/members/x1")).status).toBe(404);
    const ok = await b.json("POST", "/api/v1/members", {
      acronym: "APIA",
      name: "API Agency",
      country: "Yland",
      kind: "space_agency",
      joined: "2025-02-03",
    });
    expect(ok.status).toBe(201);
    expect((await ok.json()).data).toMatchObject({ slug: "apia", joined: "2025-02-03" });
  });

  it("PATCH changes only the fields sent", async () => {
    const me = await makePerson(t.deps, ["secretariat"], null);
    const b = await browser(t.deps, t.app, me);
    const res = await b.json("PATCH", "/api/v1/members/csa", { description: "Canada's agency." });
    expect(res.status).toBe(200);
    const data = (await res.json()).data;
    expect(data).toMatchObject({
      description: "Canada's agency.",
      founding: true,
      joined: "2007-11",
      acronym: "CSA",
    });
  });

  it("a malformed JSON body is a 422 with a code, not a crash", async () => {
    const me = await makePerson(t.deps, ["secretariat"], null);
    const b = await browser(t.deps, t.app, me);
    const res = await b.json("POST", "/api/v1/people", { name: 42 });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe("validation_failed");
  });

  it("the OpenAPI document describes the member and people endpoints", async () => {
    const doc = await (await t.app.request("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/members", "/members/{slug}", "/people", "/people/{id}", "/chairs", "/audit"]),
    );
    expect(doc.components.schemas.Error).toBeTruthy();
    // Every feature answers with the one documented error shape.
    expect(Object.keys(doc.components.schemas).filter((k) => k.endsWith("Error"))).toEqual(["Error"]);
    const page = await (await t.app.request("/api")).text();
    expect(page).toContain("/api/v1/members/{slug}");
  });

  it("chair terms come oldest first; their certainty is for signed-in members only", async () => {
    const data = (await (await t.app.request("/api/v1/chairs")).json()).data;
    expect(data[0]).toEqual({ agency: "DLR", from: "2007-11", to: "2008-07", person: null });
    expect(data.at(-1)).toMatchObject({ agency: "ESA", to: null });
  });
});
