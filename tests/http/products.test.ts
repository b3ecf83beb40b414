import { and, count, eq, inArray, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  organisations,
  outbox,
  people,
  products,
  productVersions,
  reviewComments,
  reviewRounds,
  workingGroups,
} from "../../src/db/schema/index.js";
import { closeDueRounds } from "../../src/features/products/rounds/rounds.service.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { chairOf, makeComment, makeProduct, makeRound, V2 } from "../support/products.js";

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const later = (iso: string) => {
  clock = new Date(iso);
};
const productCount = async () => (await t.deps.db.select({ n: count() }).from(products))[0]!.n;
const newProduct = (group: string) => ({
  title: "Lunar Surface White Paper",
  kind: "white_paper",
  leadGroup: group,
  agencies: ["ESA", "JAXA", "NASA"],
});

describe("products", () => {
  it("a chair starts a product for the group they chair; every member reads it", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const chair = await makePerson(t.deps, ["member", "chair"], "NASA");
    const group = await chairOf(t.deps, chair.id);
    const b = await browser(t.deps, t.app, chair);
    const res = await b.post("/private/products/new", newProduct(group));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/private/products/lunar-surface-white-paper?done=created");
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "KARI"));
    const page = await (await member.get("/private/products/lunar-surface-white-paper")).text();
    expect(page).toContain("Lunar Surface White Paper");
    expect(page).toContain("ESA, JAXA, NASA");
    expect(await (await member.get("/private/products")).text()).toContain("Lunar Surface White Paper");
  });

  it("a chair cannot lead a product for a group they do not chair, and nothing is saved", async () => {
    const chair = await makePerson(t.deps, ["member", "chair"], "NASA");
    const [, other] = await t.deps.db.select().from(workingGroups).limit(2);
    await chairOf(t.deps, chair.id);
    const before = await productCount();
    const res = await (await browser(t.deps, t.app, chair)).post(
      "/private/products/new",
      newProduct(other!.slug),
    );
    expect(res.status).toBe(403);
    expect(await productCount()).toBe(before);
  });

  it("bad input re-renders the form with a message per field and saves nothing", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const before = await productCount();
    const res = await b.post("/private/products/new", {
      title: "",
      kind: "poem",
      leadGroup: "",
      agencies: [],
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const text of [
      "Enter the product",
      "Choose the kind",
      "Choose the lead working group",
      "at least one participating",
    ])
      expect(html).toContain(text);
    const unknown = await b.post("/private/products/new", {
      ...newProduct("nope"),
      agencies: ["ESA", "XYZ"],
    });
    expect(unknown.status).toBe(422);
    expect(await productCount()).toBe(before);
  });

  it("a focal point and a member cannot start or edit products; a visitor is sent to sign in", async () => {
    const p = await makeProduct(t.deps);
    const fp = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    expect((await fp.get("/private/products/new")).status).toBe(403);
    expect(
      (await fp.post(`/private/products/${p.slug}/edit`, { ...newProduct("x"), title: "Hacked" })).status,
    ).toBe(403);
    expect((await fp.post(`/private/products/${p.slug}/versions/new`, { body: "# New" })).status).toBe(403);
    const visitor = await browser(t.deps, t.app);
    const res = await visitor.get(`/private/products/${p.slug}`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/sign-in\?next=/);
  });
});

describe("versions and the diff", () => {
  it("a version shows numbered sections with stable anchors, Markdown rendered and raw HTML escaped", async () => {
    const p = await makeProduct(t.deps, {
      body: "# Purpose\n\nText with <script>alert(1)</script> and **bold**.\n\n## Scope\n",
    });
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const html = await (await b.get(`/private/products/${p.slug}/versions/1`)).text();
    expect(html).toMatch(/<h2 id="purpose"[^>]*><span class="section-number">1<\/span> Purpose/);
    expect(html).toMatch(/<h3 id="scope"[^>]*><span class="section-number">1.1<\/span> Scope/);
    expect(html).toContain("<strong>bold</strong>");
    expect(html).not.toContain("<script>alert(1)");
  });

  it("an editor adds a version as a new row; the old one is unchanged; the diff shows ins and del", async () => {
    const chair = await makePerson(t.deps, ["member", "chair"], "NASA");
    const p = await makeProduct(t.deps, { chairId: chair.id });
    const b = await browser(t.deps, t.app, chair);
    const res = await b.post(`/private/products/${p.slug}/versions/new`, { body: V2, note: "Rovers added" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/private/products/${p.slug}/versions/2`);
    const rows = await t.deps.db.select().from(productVersions).where(eq(productVersions.productId, p.id));
    expect(rows.map((r) => r.number).sort()).toEqual([1, 2]);
    expect(rows.find((r) => r.number === 1)!.body).toContain("# Budget");
    const diff = await (await b.get(`/private/products/${p.slug}/diff?from=1&to=2`)).text();
    expect(diff).toContain('<ins><span class="visually-hidden">[inserted: </span>and Shackleton crater are');
    expect(diff).toContain("Removed");
    expect(diff).toMatch(/<del>.*Costs stay with each agency/s);
    expect((await b.get(`/private/products/${p.slug}/diff?from=1&to=9`)).status).toBe(404);
  });

  it("an empty version is refused with a message and nothing is added", async () => {
    const p = await makeProduct(t.deps);
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const res = await b.post(`/private/products/${p.slug}/versions/new`, { body: "   " });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Enter the text of the version.");
    expect(
      (
        await t.deps.db
          .select({ n: count() })
          .from(productVersions)
          .where(eq(productVersions.productId, p.id))
      )[0]!.n,
    ).toBe(1);
  });

  it("open comments follow their section into a new version, or are flagged orphaned, never lost", async () => {
    const p = await makeProduct(t.deps);
    await makeRound(t.deps, p.slug);
    await makeComment(t.deps, p.slug, "ESA", { section: "landing-sites" });
    await makeComment(t.deps, p.slug, "JAXA", { section: "budget", submit: true });
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    await b.post(`/private/products/${p.slug}/versions/new`, { body: `# Intro\n\n${V2}` });
    const list = await t.deps.db.select().from(reviewComments).orderBy(reviewComments.number);
    expect(list.map((c) => [c.sectionAnchor, c.sectionLabel, c.orphaned])).toEqual([
      ["landing-sites", "3.1 Landing sites", false],
      ["budget", "3 Budget", true],
    ]);
    const [v2] = await t.deps.db
      .select()
      .from(productVersions)
      .where(and(eq(productVersions.productId, p.id), eq(productVersions.number, 2)));
    expect(list.every((c) => c.versionId === v2!.id)).toBe(true);
    const round = await (await b.get(`/private/products/${p.slug}/rounds/1`)).text();
    expect(round).toContain("this comment is orphaned");
  });
});

describe("review rounds", () => {
  it("an editor opens a round; one invitation per member of the participating agencies is queued once", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const p = await makeProduct(t.deps, { agencies: ["ESA", "JAXA"] });
    const [esa, jaxa, kari, gone] = [
      await makePerson(t.deps, ["member"], "ESA"),
      await makePerson(t.deps, ["member", "focal_point"], "JAXA"),
      await makePerson(t.deps, ["member"], "KARI"),
      await makePerson(t.deps, ["member"], "ESA"),
    ];
    await t.deps.db.update(people).set({ active: false }).where(eq(people.id, gone.id));
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const res = await sec.post(`/private/products/${p.slug}/rounds/new`, {
      version: "1",
      deadline: "2031-02-01T17:00",
      timeZone: "Europe/Paris",
      agencies: ["ESA", "JAXA"],
      silenceMeans: "concur",
      hidePositions: "hidden",
    });
    expect(res.status).toBe(303);
    const [round] = await t.deps.db.select().from(reviewRounds).where(eq(reviewRounds.productId, p.id));
    expect(round!.deadline.toISOString()).toBe("2031-02-01T16:00:00.000Z");
    const mails = await t.deps.db
      .select()
      .from(outbox)
      .where(like(outbox.dedupeKey, `review-round:${round!.id}:%`));
    const invited = await t.deps.db
      .select({ email: people.email })
      .from(people)
      .innerJoin(organisations, eq(organisations.id, people.organisationId))
      .where(and(eq(people.active, true), inArray(organisations.acronym, ["ESA", "JAXA"])));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(invited.map((p) => p.email).sort());
    expect(mails.map((m) => m.toAddress)).toEqual(expect.arrayContaining([esa.email, jaxa.email]));
    expect(mails.map((m) => m.toAddress)).not.toContain(kari.email);
    expect(mails.map((m) => m.toAddress)).not.toContain(gone.email);
    expect(mails[0]!.textBody).toContain(`/private/products/${p.slug}/rounds/1`);
    // The deadline is shown where the editors set it, and in UTC.
    const shown = "2031-02-01 17:00 Europe/Paris (2031-02-01 16:00 UTC)";
    expect(round!.timeZone).toBe("Europe/Paris");
    expect(mails[0]!.textBody).toContain(shown);
    expect(await (await sec.get(`/private/products/${p.slug}/rounds/1`)).text()).toContain(shown);
    // A second attempt while the round is open is refused and queues nothing more.
    const again = await sec.post(`/private/products/${p.slug}/rounds/new`, {
      version: "1",
      deadline: "2031-03-01T17:00",
    });
    expect(again.status).toBe(422);
    expect(
      (await t.deps.db.select().from(outbox).where(like(outbox.dedupeKey, "review-round:%"))).length,
    ).toBe(mails.length);
  });

  it("a deadline in the past or an unknown time zone is refused and nothing opens", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const p = await makeProduct(t.deps);
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const past = await sec.post(`/private/products/${p.slug}/rounds/new`, {
      version: "1",
      deadline: "2030-01-01T10:00",
      timeZone: "UTC",
    });
    expect(past.status).toBe(422);
    expect(await past.text()).toContain("The deadline must be in the future.");
    const zone = await sec.post(`/private/products/${p.slug}/rounds/new`, {
      version: "1",
      deadline: "2032-01-01T10:00",
      timeZone: "Mars/Olympus",
    });
    expect(zone.status).toBe(422);
    expect((await t.deps.db.select().from(reviewRounds).where(eq(reviewRounds.productId, p.id))).length).toBe(
      0,
    );
  });

  it("a member or another group's chair cannot open a round", async () => {
    const p = await makeProduct(t.deps);
    for (const person of [
      await makePerson(t.deps, ["member", "focal_point"], "ESA"),
      await makePerson(t.deps, ["member", "chair"], "JAXA"),
    ]) {
      const res = await (await browser(t.deps, t.app, person)).post(
        `/private/products/${p.slug}/rounds/new`,
        { version: "1", deadline: "2099-01-01T10:00" },
      );
      expect(res.status).toBe(403);
    }
  });

  it("the clock closes due rounds once, even when nobody visits; closing again changes nothing", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const p = await makeProduct(t.deps);
    await makeRound(t.deps, p.slug, { deadline: "2031-01-20T12:00" });
    expect(await closeDueRounds(t.deps)).toBe(0);
    later("2031-01-20T12:00:01Z");
    expect(await closeDueRounds(t.deps)).toBe(1);
    expect(await closeDueRounds(t.deps)).toBe(0);
    const [round] = await t.deps.db.select().from(reviewRounds).where(eq(reviewRounds.productId, p.id));
    expect(round!.status).toBe("closed");
    expect(round!.closedAt!.toISOString()).toBe("2031-01-20T12:00:00.000Z");
    const closes = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "product.round.close"), eq(auditLog.subjectId, String(p.id))));
    expect(closes).toHaveLength(1);
    clock = new Date("2031-01-10T12:00:00Z");
  });

  it("an overdue round is closed when read, so nobody sees it open", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const p = await makeProduct(t.deps);
    await makeRound(t.deps, p.slug, { deadline: "2031-01-20T12:00" });
    later("2031-01-21T00:00:00Z");
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    const html = await (await b.get(`/private/products/${p.slug}/rounds/1`)).text();
    expect(html).toContain("Closed and sealed");
    const [round] = await t.deps.db.select().from(reviewRounds).where(eq(reviewRounds.productId, p.id));
    expect(round!.status).toBe("closed");
    clock = new Date("2031-01-10T12:00:00Z");
  });
});
