import { describe, expect, it } from "vitest";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

// What curators write to each other and no agency publishes: where a fact came from, how sure we
// are of it, and our remarks about our own wording.
const curationNotes = [
  /file:seeds/i,
  /seeds\/00\d/i,
  /general knowledge/i,
  /not independently verified/i,
  /\buncertain(ty)?\b/i,
  /our sources/i,
  /our paraphrase/i,
  /not checked/i,
  /<h2[^>]*>\s*Sources\s*</i,
  /<dt>\s*Sources\s*</i,
  /Sources:/,
  /<summary>\s*Sources/i,
];

/** Every public page a visitor can reach by following links from Home, and the feeds. */
async function crawl(limit: number): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = ["/", "/news/feed.xml", "/sitemap.xml"];
  while (queue.length && seen.size < limit) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    const res = await t.app.request(path);
    const type = res.headers.get("content-type") ?? "";
    if (res.status !== 200 || !/html|xml|json|text\/plain|calendar/.test(type)) {
      seen.set(path, "");
      continue;
    }
    const body = await res.text();
    seen.set(path, body);
    for (const m of body.matchAll(/(?:href|src)="(\/[^"#]*)"|<loc>https?:\/\/[^/<]+(\/[^<]*)<\/loc>/g)) {
      const next = (m[1] ?? m[2] ?? "").replaceAll("&amp;", "&");
      if (/^\/(private|sign-|static|api\/)/.test(next)) continue;
      if (next.endsWith(".png") || next.endsWith(".pdf") || next.endsWith(".xlsx")) continue;
      if (!seen.has(next)) queue.push(next);
    }
  }
  return seen;
}

describe("curation notes stay in the dataset", () => {
  it("no public page or feed shows sources, certainty or curators' remarks", async () => {
    const pages = await crawl(600);
    expect(pages.size).toBeGreaterThan(150);
    const found: string[] = [];
    for (const [path, body] of pages) {
      const text = body.replace(/<(script|style)[\s\S]*?<\/\1>/g, "");
      for (const note of curationNotes) {
        const m = text.match(note);
        if (m)
          found.push(
            `${path}: ${text.slice(Math.max(0, m.index! - 60), m.index! + 60).replace(/\s+/g, " ")}`,
          );
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  return into;
}

const provenanceKeys = [
  "sources",
  "uncertain",
  "uncertainNote",
  "uncertaintyNote",
  "certaintyNote",
  "joinNote",
];

describe("curation notes in the API", () => {
  it("are left out of every public read the API documents, for a visitor", async () => {
    const doc = await (await t.app.request("/api/openapi.json")).json();
    const reads = Object.entries(doc.paths as Record<string, { get?: unknown }>)
      .filter(([path, ops]) => ops.get && !path.includes("{"))
      .map(([path]) => `/api/v1${path}`);
    const answered: string[] = [];
    for (const path of [...reads, "/api/v1/members/cnsa", "/api/v1/members/dlr"]) {
      const res = await t.app.request(path);
      if (res.status !== 200 || !res.headers.get("content-type")?.startsWith("application/json")) continue;
      answered.push(path);
      const keys = keysOf(await res.json());
      const leaked = provenanceKeys.filter((k) => keys.has(k));
      expect(leaked, path).toEqual([]);
      if (path.startsWith("/api/v1/members")) expect(keys.has("notes"), path).toBe(false);
    }
    expect(answered).toEqual(expect.arrayContaining(["/api/v1/members", "/api/v1/news", "/api/v1/missions"]));
  }, 120_000);

  it("are answered to a signed-in member, who works with them", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const member = (await (await b.get("/api/v1/members/cnsa")).json()).data;
    expect(member.sources.length).toBeGreaterThan(0);
    expect(member.notes).toMatch(/UNCERTAIN/);
  });
});
