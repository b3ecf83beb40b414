import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "../../src/db/schema/index.js";
import { write } from "../../src/kit/write.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

// The clock the app reads: tests move it to cross a minute or a session's end.
let now = new Date("2026-06-10T09:00:10Z");
const t = useTestDatabase({ now: () => now });

const hit = (res: Response) => res.headers.get("x-cache") === "hit";

describe("signed-in pages kept until a write, the end of the minute or the session", () => {
  it("answers the same browser's second visit from the cache, with the same page", async () => {
    now = new Date("2026-06-10T09:00:10Z");
    const me = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"]));
    const first = await me.get("/private/actions");
    const body = await first.text();
    expect(first.status).toBe(200);
    expect(hit(first)).toBe(false);
    const second = await me.get("/private/actions");
    expect(hit(second)).toBe(true);
    expect(await second.text()).toBe(body);
    expect(second.headers.get("cache-control")).toBe("private, no-store");
  });

  it("never gives one person's page to another, nor to a visitor", async () => {
    now = new Date("2026-06-10T09:00:10Z");
    const ada = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const kenji = await makePerson(t.deps, ["member", "focal_point"], "JAXA");
    const adaBrowser = await browser(t.deps, t.app, ada);
    await adaBrowser.get("/private");
    expect(hit(await adaBrowser.get("/private"))).toBe(true);
    const other = await (await browser(t.deps, t.app, kenji)).get("/private");
    expect(hit(other)).toBe(false);
    const page = await other.text();
    expect(page).toContain(kenji.name);
    expect(page).not.toContain(ada.name);
    const visitor = await t.app.request("/private");
    expect(visitor.status).not.toBe(200);
  });

  it("renders again after any write, also one no visitor sees", async () => {
    now = new Date("2026-06-10T09:00:10Z");
    const me = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"]));
    await me.get("/private/actions");
    expect(hit(await me.get("/private/actions"))).toBe(true);
    await write(t.deps, { kind: "system", name: "test" }, async () => {}, { invalidatesPages: false });
    expect(hit(await me.get("/private/actions"))).toBe(false);
    expect(hit(await me.get("/private/actions"))).toBe(true);
    // Another instance's write of the same kind, heard through NOTIFY.
    t.deps.cache.invalidateLocally("signed-in");
    expect(hit(await me.get("/private/actions"))).toBe(false);
  });

  it("a write only members see leaves visitors' pages cached", async () => {
    await t.app.request("/members");
    expect(hit(await t.app.request("/members"))).toBe(true);
    t.deps.cache.invalidateSignedIn();
    expect(hit(await t.app.request("/members"))).toBe(true);
  });

  it("keeps a page no longer than the minute it was made in", async () => {
    now = new Date("2026-06-10T09:00:50Z");
    const me = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"]));
    await me.get("/private/meetings");
    now = new Date("2026-06-10T09:00:59.900Z");
    expect(hit(await me.get("/private/meetings"))).toBe(true);
    now = new Date("2026-06-10T09:01:00Z");
    expect(hit(await me.get("/private/meetings"))).toBe(false);
  });

  it("serves nothing kept for a session that has ended, expired or signed out", async () => {
    now = new Date("2026-06-10T09:00:10Z");
    const person = await makePerson(t.deps, ["member", "focal_point"]);
    const me = await browser(t.deps, t.app, person);
    // The session ends 20 seconds from now: the page is kept until then, not to the minute's end.
    await t.deps.db
      .update(sessions)
      .set({ expiresAt: new Date("2026-06-10T09:00:30Z") })
      .where(eq(sessions.personId, person.id));
    await me.get("/private/products");
    expect(hit(await me.get("/private/products"))).toBe(true);
    now = new Date("2026-06-10T09:00:31Z");
    const expired = await me.get("/private/products");
    expect(hit(expired)).toBe(false);
    expect(expired.status).not.toBe(200);

    now = new Date("2026-06-10T09:00:10Z");
    const again = await browser(t.deps, t.app, person);
    await again.get("/private/products");
    expect(hit(await again.get("/private/products"))).toBe(true);
    const signOut = await again.post("/sign-out");
    expect(signOut.status).toBe(303);
    const after = await again.get("/private/products");
    expect(hit(after)).toBe(false);
    expect(after.status).not.toBe(200);
  });

  it("never keeps the pages that show sessions, tokens, second factors, mail or people", async () => {
    now = new Date("2026-06-10T09:00:10Z");
    const me = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    for (const path of [
      "/private/account/sessions",
      "/private/account",
      "/private/tokens",
      "/private/outbox",
      "/private/people",
      "/private/settings/two-factor",
    ]) {
      const first = await me.get(path);
      expect(first.status, path).toBe(200);
      expect(hit(await me.get(path)), path).toBe(false);
    }
  });
});
