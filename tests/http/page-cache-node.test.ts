import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerFromPageCache } from "../../src/http/cache.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

// The server as src/server.ts builds it: cache hits answered on Node's request, the rest by the app.
let server: Server;
let base: string;
beforeAll(async () => {
  const handle = getRequestListener((req) => t.app.fetch(req));
  server = createServer((req, res) => {
    if (!answerFromPageCache(t.deps, req, res)) void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("cached pages answered before the app, over real HTTP", () => {
  it("replays the page with its security headers, a fresh request id, 304 for a known ETag and no body for HEAD", async () => {
    const first = await fetch(`${base}/members`);
    const body = await first.text();
    expect(first.headers.get("x-cache")).toBeNull();
    const hit = await fetch(`${base}/members`);
    expect(hit.headers.get("x-cache")).toBe("hit");
    expect(await hit.text()).toBe(body);
    expect(hit.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(hit.headers.get("x-content-type-options")).toBe("nosniff");
    expect(hit.headers.get("content-length")).toBe(String(Buffer.byteLength(body)));
    const again = await fetch(`${base}/members`);
    expect(again.headers.get("x-request-id")).not.toBe(hit.headers.get("x-request-id"));
    const etag = hit.headers.get("etag")!;
    const notModified = await fetch(`${base}/members`, { headers: { "if-none-match": etag } });
    expect(notModified.status).toBe(304);
    const head = await fetch(`${base}/members`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("x-cache")).toBe("hit");
    expect(await head.text()).toBe("");
  });

  it("answers a signed-in browser's second visit to a private page from its own kept page", async () => {
    const me = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"]));
    const headers = { cookie: me.cookie };
    // A kept page lasts to the end of its minute: start clear of a minute's end.
    if (new Date().getSeconds() >= 55) await new Promise((r) => setTimeout(r, 6_000));
    const first = await fetch(`${base}/private/actions`, { headers });
    const body = await first.text();
    expect(first.status).toBe(200);
    const second = await fetch(`${base}/private/actions`, { headers });
    expect(second.headers.get("x-cache")).toBe("hit");
    expect(await second.text()).toBe(body);
    const other = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"]));
    const theirs = await fetch(`${base}/private/actions`, { headers: { cookie: other.cookie } });
    expect(theirs.headers.get("x-cache")).toBeNull();
    await theirs.arrayBuffer();
  });

  it("never answers a signed-in browser's public page or an API token from the cache, and forgets pages on a write", async () => {
    await fetch(`${base}/`);
    expect((await fetch(`${base}/`)).headers.get("x-cache")).toBe("hit");
    const me = await browser(t.deps, t.app, await makePerson(t.deps, ["member"]));
    const signedIn = await fetch(`${base}/`, { headers: { cookie: me.cookie } });
    expect(signedIn.headers.get("x-cache")).toBeNull();
    expect(await signedIn.text()).toContain("Sign out");
    const token = await fetch(`${base}/`, { headers: { authorization: "Bearer not-a-real-token" } });
    expect(token.headers.get("x-cache")).toBeNull();
    t.deps.cache.invalidate();
    expect((await fetch(`${base}/`)).headers.get("x-cache")).toBeNull();
  });
});
