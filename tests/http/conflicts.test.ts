import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import type { Db } from "../../src/db/client.js";
import { missions, newsArticles, organisations, people } from "../../src/db/schema/index.js";
import { createArticle } from "../../src/features/news/news.service.js";
import { createMission } from "../../src/features/roadmap/roadmap.service.js";
import type { Person } from "../../src/http/actor.js";
import { fromDatabaseError } from "../../src/http/db-errors.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { rivalWritesFirst } from "../support/race.js";

const t = useTestDatabase();

const mission = {
  name: "Lunar Pathfinder Relay",
  lead: "ESA",
  destination: "lunar_orbit",
  status: "funded",
  launch: "2029",
  launchPrecision: "year",
};
const article = {
  title: "Workshop on lunar logistics",
  date: "2031-05-04",
  place: "Tokyo, Japan",
  summary: "The forum announces a workshop.",
  body: "Two days of talks.",
  intent: "save",
};

/** An app whose next write loses the race to `rival`, which lands its own write first. */
function appLosingTo(rival: (db: Db) => Promise<unknown>) {
  return createApp({ ...t.deps, db: rivalWritesFirst(t.deps.db, rival) });
}

const rivalMission = (me: Person) => (db: Db) => createMission({ ...t.deps, db }, me, mission);
const countWhere = async (table: typeof missions | typeof newsArticles, slug: string) =>
  (await t.deps.db.select({ n: count() }).from(table).where(eq(table.slug, slug)))[0]!.n;

describe("a unique key taken by a racing write", () => {
  it("the API answers 409 with the stable code, the field and the request id, and adds nothing", async () => {
    const me = await makePerson(t.deps, ["secretariat"], null);
    const app = appLosingTo(rivalMission(me));
    const res = await (await browser(t.deps, app, me)).json("POST", "/api/v1/missions", mission);
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/address was taken a moment ago/);
    expect(error.fields.slug).toMatch(/choose another address/);
    expect(error.requestId).toBe(res.headers.get("x-request-id"));
    expect(await countWhere(missions, "lunar-pathfinder-relay")).toBe(1);
  });

  it("the mission form is shown again with its values and a message (409)", async () => {
    const me = await makePerson(t.deps, ["secretariat"], null);
    const app = appLosingTo(rivalMission(me));
    const res = await (await browser(t.deps, app, me)).post("/private/missions/new", mission);
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/private/missions/new"');
    expect(html).toContain('value="Lunar Pathfinder Relay"');
    expect(html).toContain("This address was taken a moment ago by another change");
  });

  it("two news articles with the same title at the same moment: one is written, the other form comes back", async () => {
    const me = await makePerson(t.deps, ["secretariat"], null);
    const app = appLosingTo((db) => createArticle({ ...t.deps, db }, me, article));
    const res = await (await browser(t.deps, app, me)).post("/private/news/new", article);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('value="Workshop on lunar logistics"');
    expect(await countWhere(newsArticles, "workshop-on-lunar-logistics")).toBe(1);
  });
});

/** What the error handler makes of the error `query` gets from the database (run in a savepoint). */
async function refusal(query: (db: Db) => Promise<unknown>) {
  try {
    await t.deps.db.transaction(query);
  } catch (e) {
    return fromDatabaseError(e);
  }
  throw new Error("the database accepted it");
}

describe("the database's refusals, mapped in one place", () => {
  it("a taken unique key is a conflict naming the field", async () => {
    const e = await refusal((db) =>
      db.insert(organisations).values({
        acronym: "esa",
        slug: "esa-again",
        name: "Again",
        country: "Europe",
        kind: "space_agency",
        joinedOn: "2007-05-31",
        joinedPrecision: "day",
      }),
    );
    expect(e).toMatchObject({ code: "conflict", status: 409, fields: { acronym: expect.any(String) } });
  });

  it("a reference to a record that does not exist is a conflict", async () => {
    const e = await refusal((db) =>
      db
        .insert(people)
        .values({ name: "N", email: "n@example.org", roles: ["member"], organisationId: 999_999 }),
    );
    expect(e).toMatchObject({ code: "conflict", message: expect.stringMatching(/no longer exists/) });
  });

  it("NUL in text, NUL escaped in JSON and a lone surrogate in JSON are 422s", async () => {
    for (const query of [
      sql`select ${"a\0b"}::text`,
      sql`select ${'{"a":"\\u0000"}'}::jsonb`,
      sql`select ${'"\\ud800"'}::jsonb`,
    ]) {
      const e = await refusal((db) => db.execute(query));
      expect(e).toMatchObject({
        code: "validation_failed",
        status: 422,
        message: expect.stringMatching(/NUL/),
      });
    }
  });

  it("a number out of range and a value of the wrong form are 422s", async () => {
    expect(await refusal((db) => db.execute(sql`select ${"99999999999"}::int`))).toMatchObject({
      status: 422,
    });
    expect(await refusal((db) => db.execute(sql`select ${"2024-13-45"}::date`))).toMatchObject({
      status: 422,
    });
  });

  it("an error that is not the input's fault stays unmapped, so it is logged as internal", async () => {
    expect(await refusal((db) => db.execute(sql`select * from no_such_table`))).toBeUndefined();
    expect(fromDatabaseError(new Error("connection lost"))).toBeUndefined();
  });
});
