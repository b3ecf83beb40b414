import { describe, expect, it } from "vitest";
import { browser } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

describe("public pages", () => {
  it("the home page introduces the forum with its member count and chair", async () => {
    const res = await t.app.request("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<title>International Space Exploration Coordination Group</title>");
    expect(html).toMatch(/Member organisations<\/dt><dd>27</);
    expect(html).toContain('href="/members/esa"');
  });

  it("the about page shows purpose, principles, background, and the chair history", async () => {
    const html = await (await t.app.request("/about")).text();
    for (const heading of ["Purpose", "Principles", "Background", "Chair and secretariat"]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain("Open and inclusive");
    expect(html).toContain("Keplerlaan 1");
    expect(html).toMatch(/Chairing agencies over time/);
  });

  it("the members directory lists all 27 members and a growth chart with a data table", async () => {
    const html = await (await t.app.request("/members")).text();
    expect(html.match(/<tr><th scope="row"><a href="\/members\//g)?.length).toBe(27);
    expect(html).toContain('<svg class="chart"');
    expect(html).toContain("Years in which membership changed");
    // 14 founders at the end of 2007, 27 by 2021.
    expect(html).toMatch(/<th scope="row">2007<\/th><td>[^<]*<\/td><td class="num">14<\/td>/);
    expect(html).toMatch(/<th scope="row">2021<\/th><td>[^<]*<\/td><td class="num">27<\/td>/);
  });

  it("a member page shows its facts, and neither their sources nor our doubts about them", async () => {
    const esa = await (await t.app.request("/members/esa")).text();
    expect(esa).toContain("European Space Agency");
    expect(esa).toContain("Founding member");
    expect(esa).toContain("Chaired the forum");
    const lsa = await (await t.app.request("/members/lsa")).text();
    expect(lsa).toContain("Luxembourg");
    expect(lsa).not.toMatch(/uncertain|Sources/i);
  });

  it("an unknown member answers 404 with a helpful page", async () => {
    const res = await t.app.request("/members/nope");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Page not found");
  });

  it("an unknown address answers 404 as a page, and as JSON under /api", async () => {
    expect((await t.app.request("/no/such/page")).status).toBe(404);
    const res = await t.app.request("/api/v1/nothing");
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe("not_found");
    expect(body.error.requestId).toBeTruthy();
  });

  it("pages carry secure headers and a request id", async () => {
    const res = await t.app.request("/");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("visitors get cached pages, and a write invalidates them", async () => {
    await t.app.request("/members/esa");
    const hit = await t.app.request("/members/esa");
    expect(hit.headers.get("x-cache")).toBe("hit");
    expect(hit.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(hit.headers.get("content-type")).toContain("text/html");
    expect(hit.headers.get("x-request-id")).toBeTruthy();
    expect(hit.headers.get("set-cookie")).toBeNull();
    const etag = hit.headers.get("etag")!;
    expect((await t.app.request("/members/esa", { headers: { "if-none-match": etag } })).status).toBe(304);
    t.deps.cache.invalidate();
    expect((await t.app.request("/members/esa")).headers.get("x-cache")).toBeNull();
  });

  it("signed-in people are never served the visitors' cached page", async () => {
    await t.app.request("/");
    const person = (await import("../support/actors.js")).makePerson;
    const me = await person(t.deps, ["member"]);
    const res = await (await browser(t.deps, t.app, me)).get("/");
    expect(res.headers.get("x-cache")).toBeNull();
    expect(await res.text()).toContain("Sign out");
  });

  it("health and readiness answer", async () => {
    expect(await (await t.app.request("/healthz")).json()).toEqual({ status: "ok" });
    expect(await (await t.app.request("/readyz")).json()).toEqual({ status: "ready" });
  });
});

describe("pages with forms", () => {
  it("a page carrying a CSRF token is never cached, even when the browser already has its nonce cookie", async () => {
    const headers = { cookie: "isecg_csrf=visitor-a" };
    const first = await t.app.request("/sign-in", { headers });
    expect(first.headers.get("cache-control")).toContain("no-store");
    const second = await t.app.request("/sign-in", { headers: { cookie: "isecg_csrf=visitor-b" } });
    expect(second.headers.get("x-cache")).toBeNull();
    const tokenOf = async (r: Response) => (await r.text()).match(/name="_csrf" value="([^"]+)"/)?.[1];
    expect(await tokenOf(first)).not.toBe(await tokenOf(second));
  });
});
