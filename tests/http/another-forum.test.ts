import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import type { Database } from "../../src/db/client.js";
import { createLogger } from "../../src/http/logger.js";
import { prepareDatabase } from "../../src/server.js";
import { testConfig } from "../support/config.js";

/**
 * The platform is not ISECG's alone: another forum's dataset must give a site that speaks only of
 * that forum. This one coordinates polar research stations; nothing in it names ISECG or its roadmap.
 */
const forum = {
  name: "Polar Stations Coordination Forum",
  acronym: "PSCF",
  tagline: "Research institutes sharing plans for polar stations.",
  established: "2019-03",
  secretariat: {
    hostAcronym: "NPI",
    name: "PSCF Secretariat",
    address: ["Fram Centre", "Tromsø"],
    email: "secretariat@pscf.example",
    note: "",
  },
  about: {
    purpose: "Institutes that run polar stations tell each other their plans.",
    principles: [],
    background: "",
    gesThemes: [],
    notGoverning: "",
    membershipRule: "",
    publicInput: "",
  },
  home: { intro: "Plans for polar research stations, shared.", highlights: [] },
};
const organisations = [
  {
    acronym: "NPI",
    slug: "npi",
    name: "Norwegian Polar Institute",
    nativeName: null,
    country: "Norway",
    kind: "government_organisation",
    intergovernmental: false,
    founding: true,
    joined: "2019-03",
    joinedPrecision: "month",
    joinedUncertain: false,
    joinNote: null,
    formerNames: [],
    website: null,
    description: "Runs research stations in the Arctic and Antarctica.",
    notes: null,
    sources: [],
  },
];

let dir: string;
let database: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "another-forum-"));
  const data = join(dir, "dataset");
  mkdirSync(data);
  const files: Record<string, unknown> = {
    "forum.json": forum,
    "organisations.json": organisations,
    "chairs.json": [],
    "news.json": [],
    "missions.json": [],
    "publications.json": [],
    "faq.json": { sections: [] },
    "pages.json": [],
  };
  for (const [name, value] of Object.entries(files)) writeFileSync(join(data, name), JSON.stringify(value));
  const config = testConfig(join(dir, "db"), { datasetDir: data });
  const prepared = await prepareDatabase(config, createLogger("warn"));
  database = prepared.database;
  app = createApp(prepared.deps);
}, 120_000);

afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const publicPaths = [
  "/",
  "/about",
  "/members",
  "/members/npi",
  "/roadmap",
  "/roadmap/framework",
  "/roadmap/editions",
  "/roadmap/changes",
  "/news",
  "/publications",
  "/meetings",
  "/groups",
  "/faq",
  "/search?q=roadmap",
  "/contact",
  "/sign-in",
  "/sign-in/forgotten",
  "/accessibility",
  "/feeds/news.rss",
  "/feeds/news.atom",
  "/science",
  "/api/v1/openapi.json",
  "/no-such-page",
];

describe("another forum's dataset", () => {
  it.each(publicPaths)("%s speaks of that forum and never of ISECG or its roadmap", async (path) => {
    const res = await app.request(path);
    expect(res.status).toBeLessThan(500);
    const text = await res.text();
    expect(text).not.toMatch(/ISECG|Global Exploration|International Space Exploration|\bGER\b/);
    if (res.headers.get("content-type")?.includes("text/html")) expect(text).toContain("PSCF");
  });
});
