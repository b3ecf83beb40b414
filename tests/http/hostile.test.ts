import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { missions } from "../../src/db/schema/index.js";
import type { Person } from "../../src/http/actor.js";
import { createLogger } from "../../src/http/logger.js";
import { browser, makePerson } from "../support/actors.js";
import { useCommittedDatabase } from "../support/database.js";
import {
  BAD_QUERY_VALUES,
  BAD_SEGMENTS,
  hasParams,
  hostileBodies,
  ODD_SEGMENTS,
  OVERSIZED,
  oddQuery,
  queryWith,
  routesOf,
  withParams,
} from "../support/hostile.js";

// Every statement commits on its own, as in production: a query the database refuses does not spoil
// the next one, so each answer below is the one a visitor would get from a running instance.
const t = useCommittedDatabase();
const logged: { level: string; msg: string; requestId?: string; status?: number }[] = [];
let app: ReturnType<typeof createApp>;
let secretariat: Person;

beforeAll(async () => {
  app = createApp({ ...t.deps, log: createLogger("debug", (line) => logged.push(JSON.parse(line))) });
  secretariat = await makePerson(t.deps, ["secretariat"], null);
});

// Answered before the middleware: they read no input.
const answeredEarly = (path: string) => ["/healthz", "/readyz"].includes(path) || path.startsWith("/assets/");

type Client = Awaited<ReturnType<typeof browser>>;
type Failure = { request: string; status: number; body: string };

/** Sends one request; a 5xx, or an error answered with an empty body, is recorded as a failure. */
async function send(
  failures: Failure[],
  client: Client,
  method: string,
  path: string,
  { label, ...init }: RequestInit & { label?: string } = {},
) {
  const headers = { cookie: client.cookie, ...(init.headers as Record<string, string>) };
  const res = await app.request(path, { ...init, method, headers });
  const body = await res.text();
  if (res.status >= 500 || (res.status >= 400 && body.length === 0)) {
    failures.push({
      request: `${method} ${path.slice(0, 120)} ${label ?? ""}`.trim(),
      status: res.status,
      body: body.slice(0, 200),
    });
  }
  return res;
}

/**
 * Every hostile address for a route: odd segments in its parameters and odd queries, and with
 * `malformed` the bad ones too (refused before the actor is known, so one sweep is enough for them).
 */
function hostileAddresses(path: string, malformed: boolean): { url: string; malformed: boolean }[] {
  const base = withParams(path, "1");
  const bad = [
    ...(hasParams(path) ? BAD_SEGMENTS.map((s) => withParams(path, s)) : []),
    ...BAD_QUERY_VALUES.map((v) => `${base}?${queryWith(v)}`),
  ];
  const odd = [
    ...(hasParams(path) ? ODD_SEGMENTS.map((s) => withParams(path, s)) : []),
    `${base}?${oddQuery(0)}`,
    `${base}?${oddQuery(3)}`,
  ];
  return [
    ...(malformed ? bad.map((url) => ({ url, malformed: true })) : []),
    ...odd.map((url) => ({ url, malformed: false })),
  ];
}

/** Sends every hostile address of every route, and every hostile body to every write route. */
async function sweep(client: Client, opts: { malformed: boolean; skip?: string[] }) {
  const failures: Failure[] = [];
  const notRefused: string[] = [];
  for (const { method, path } of routesOf(app)) {
    if (opts.skip?.includes(path)) continue;
    for (const { url, malformed } of hostileAddresses(path, opts.malformed)) {
      const res = await send(failures, client, method, url);
      if (malformed && !answeredEarly(path) && res.status !== 400) notRefused.push(`${method} ${url}`);
    }
    if (method === "GET") continue;
    for (const { label, type, body } of hostileBodies(client.csrf)) {
      await send(failures, client, method, withParams(path, "1"), {
        label,
        body,
        headers: type ? { "content-type": type } : {},
      });
    }
  }
  return { failures, notRefused };
}

describe("hostile requests to every route", () => {
  it("a visitor gets no 500 from any route, and a malformed address is a 400", async () => {
    const { failures, notRefused } = await sweep(await browser(t.deps, app), { malformed: true });
    expect(failures).toEqual([]);
    expect(notRefused).toEqual([]);
    expect(logged.filter((l) => l.level === "error")).toEqual([]);
  }, 600_000);

  it("a signed-in secretariat gets no 500 from any route either", async () => {
    const client = await browser(t.deps, app, secretariat);
    // Signing out would end the session the sweep relies on.
    const { failures } = await sweep(client, { malformed: false, skip: ["/sign-out"] });
    expect(failures).toEqual([]);
    expect(logged.filter((l) => l.level === "error")).toEqual([]);
  }, 600_000);
});

describe("bad bytes get a plain answer and change nothing", () => {
  it("a NUL in a path segment or the query is a 400 page, and JSON with the code on the API", async () => {
    for (const path of ["/news/%00", "/search?q=%00", "/search?q=%ED%A0%80"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      expect(await res.text()).toContain("not valid");
    }
    const api = await app.request("/api/v1/missions/%00");
    expect(api.status).toBe(400);
    const { error } = await api.json();
    expect(error).toMatchObject({ code: "bad_request", requestId: api.headers.get("x-request-id") });
  });

  it("a NUL in a form field shows the form again with a message on that field", async () => {
    const res = await (await browser(t.deps, app)).post("/news/subscribe", {
      email: "ada\u0000@example.org",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/news/subscribe"');
    expect(html).toContain("cannot be stored");
  });

  it("a NUL or a lone surrogate in a JSON body is a 422 naming the fields, and nothing is written", async () => {
    const before = (await t.deps.db.select({ n: count() }).from(missions))[0]!.n;
    const client = await browser(t.deps, app, secretariat);
    const res = await app.request("/api/v1/missions", {
      method: "POST",
      headers: { cookie: client.cookie, "content-type": "application/json" },
      body: '{"name":"Bad\\u0000name","lead":"ESA","destination":"mars","status":"concept","partners":["\\ud800"]}',
    });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields).sort()).toEqual(["name", "partners.0"]);
    expect((await t.deps.db.select({ n: count() }).from(missions))[0]!.n).toBe(before);
  });

  it("a NUL inside an imported CSV file is refused as input, not a crash", async () => {
    const client = await browser(t.deps, app, secretariat);
    const res = await app.request("/api/v1/missions/import?dryRun=false", {
      method: "POST",
      headers: { cookie: client.cookie, "content-type": "text/csv" },
      body: "slug,name,destination,status\nnul-mission,Nul\u0000Mission,mars,concept\n",
    });
    expect(res.status).toBe(422);
    expect(await t.deps.db.select().from(missions).where(eq(missions.slug, "nul-mission"))).toEqual([]);
  });
});

describe("oversized bodies", () => {
  /** The log lines of one request. */
  const linesOf = (res: Response) => logged.filter((l) => l.requestId === res.headers.get("x-request-id"));

  it("an oversized form answers a 413 page, logged once", async () => {
    const client = await browser(t.deps, app);
    const res = await client.post("/news/subscribe", { email: OVERSIZED });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("too large");
    expect(linesOf(res).map((l) => [l.level, l.msg, l.status])).toEqual([["info", "request", 413]]);
  });

  it("an oversized API call answers 413 JSON with the code, logged once", async () => {
    const res = await app.request("/api/v1/missions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: OVERSIZED,
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
    expect(linesOf(res).map((l) => [l.level, l.msg, l.status])).toEqual([["info", "request", 413]]);
  });
});

describe("creates racing on a database shared by requests", () => {
  it("two API creates of the same mission at once: one is created, the other refused, none crashes", async () => {
    const client = await browser(t.deps, app, secretariat);
    const create = () =>
      client.json("POST", "/api/v1/missions", {
        name: "Racing Lander",
        lead: "ESA",
        destination: "lunar_surface",
        status: "concept",
      });
    const statuses = (await Promise.all([create(), create(), create()])).map((r) => r.status).sort();
    expect(statuses[0]).toBe(201);
    // 409 when both passed the "already exists" check before either wrote; 422 when one came after.
    for (const s of statuses.slice(1)) expect([409, 422]).toContain(s);
    const rows = await t.deps.db.select().from(missions).where(eq(missions.slug, "racing-lander"));
    expect(rows).toHaveLength(1);
  });

  it("the same mission import sent twice at once never answers 500, and imports the mission once", async () => {
    const client = await browser(t.deps, app, secretariat);
    const upload = () =>
      app.request("/api/v1/missions/import?dryRun=false", {
        method: "POST",
        headers: { cookie: client.cookie, "content-type": "text/csv" },
        body: "slug,name,destination,status,lead\ntwin-import,Twin Import,mars,concept,ESA\n",
      });
    const statuses = (await Promise.all([upload(), upload()])).map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([200, 409]).toContain(statuses[1]);
    expect(await t.deps.db.select().from(missions).where(eq(missions.slug, "twin-import"))).toHaveLength(1);
  });
});
