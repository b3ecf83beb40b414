import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations } from "../../src/db/schema/index.js";
import { countStatements } from "../../src/db/statement-count.js";
import { systemActor } from "../../src/http/actor.js";
import { write } from "../../src/kit/write.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

const renameEsa = (db: typeof t.deps.db, name: string) =>
  db.update(organisations).set({ name }).where(eq(organisations.acronym, "ESA"));

/** ESA's focal point, with the organisations already read once by a first visit to /private. */
async function focalPointAfterFirstVisit() {
  const b = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
  expect(await (await b.get("/private")).text()).toContain("European Space Agency");
  return b;
}

describe("reference data read once: the organisations stay in memory until a write", () => {
  it("a second visit does not read the organisations again", async () => {
    const b = await focalPointAfterFirstVisit();
    // The page itself is built again (signed-in pages are kept for a minute), the organisations not.
    t.deps.cache.invalidateSignedIn();
    const { statements } = await countStatements(() => b.get("/private"));
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter((s) => /from "organisations"/.test(s))).toEqual([]);
  });

  it("a write through write() is seen on the next page", async () => {
    const b = await focalPointAfterFirstVisit();
    await write(t.deps, systemActor("test"), (tx) => renameEsa(tx, "Renamed Space Agency"));
    expect(await (await b.get("/private")).text()).toContain("Renamed Space Agency");
  });

  it("another instance's write is seen once its notification drops this instance's memo", async () => {
    const b = await focalPointAfterFirstVisit();
    // Another instance commits the change; this one hears of it through NOTIFY → invalidateLocally.
    await renameEsa(t.deps.db, "Elsewhere Renamed Agency");
    t.deps.cache.invalidateLocally();
    expect(await (await b.get("/private")).text()).toContain("Elsewhere Renamed Agency");
  });
});
