import { count, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  reviewComments,
  reviewPositions,
  reviewRoundAgencies,
  reviewRounds,
} from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { makeComment, makeProduct, makeRound } from "../support/products.js";

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const R = "/private/products/lunar-white-paper/rounds/1";
const API = "/api/v1/products/lunar-white-paper/rounds/1";
const comment = {
  section: "landing-sites",
  category: "major",
  text: "Name the landing sites.",
  proposedFrom: "is",
  proposedTo: "are",
};
const commentCount = async () => (await t.deps.db.select({ n: count() }).from(reviewComments))[0]!.n;
const positionCount = async () => (await t.deps.db.select({ n: count() }).from(reviewPositions))[0]!.n;

/** A product with ESA and JAXA in round 1 (deadline 2031-02-01), and people to act. */
async function setup(opts: { hidePositions?: boolean } = {}) {
  clock = new Date("2031-01-10T12:00:00Z");
  await makeProduct(t.deps);
  await makeRound(t.deps, "lunar-white-paper", {
    deadline: "2031-02-01T12:00",
    agencies: ["ESA", "JAXA"],
    hidePositions: opts.hidePositions ?? true,
  });
  const who = {
    esaMember: await makePerson(t.deps, ["member"], "ESA"),
    esaColleague: await makePerson(t.deps, ["member"], "ESA"),
    esaFocal: await makePerson(t.deps, ["member", "focal_point"], "ESA"),
    jaxaFocal: await makePerson(t.deps, ["member", "focal_point"], "JAXA"),
    nasaFocal: await makePerson(t.deps, ["member", "focal_point"], "NASA"),
    secretariat: await makePerson(t.deps, ["secretariat"], null),
  };
  const as = async (k: keyof typeof who) => browser(t.deps, t.app, who[k]);
  return { who, as };
}

describe("comments", () => {
  it("a member drafts a comment for their agency; other agencies and colleagues never see the draft", async () => {
    const { as } = await setup();
    const esa = await as("esaMember");
    const res = await esa.post(`${R}/comments/new`, comment);
    expect(res.status).toBe(303);
    const [row] = await t.deps.db.select().from(reviewComments);
    expect(row).toMatchObject({
      number: 1,
      sectionAnchor: "landing-sites",
      sectionLabel: "2.1 Landing sites",
      category: "major",
      proposedTo: "are",
    });
    expect(await (await esa.get(R)).text()).toContain("Name the landing sites.");
    expect(await (await (await as("esaFocal")).get(R)).text()).toContain("Name the landing sites.");
    for (const k of ["esaColleague", "jaxaFocal", "secretariat"] as const) {
      expect(await (await (await as(k)).get(R)).text()).not.toContain("Name the landing sites.");
    }
    const api = await (await (await as("jaxaFocal")).json("GET", API)).json();
    expect(api.data.comments).toEqual([]);
  });

  it("a member of a non-participating agency, and the secretariat, cannot comment (page or API)", async () => {
    const { as } = await setup();
    for (const k of ["nasaFocal", "secretariat"] as const) {
      const b = await as(k);
      expect((await b.get(`${R}/comments/new`)).status).toBe(403);
      expect((await b.post(`${R}/comments/new`, comment)).status).toBe(403);
      expect((await b.json("POST", `${API}/comments`, comment)).status).toBe(403);
    }
    expect(await commentCount()).toBe(0);
  });

  it("a comment without text, category or a real section is refused with messages and nothing saved", async () => {
    const { as } = await setup();
    const b = await as("esaMember");
    const res = await b.post(`${R}/comments/new`, { section: "nowhere", category: "", text: " " });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Write the comment.");
    expect(html).toContain("Choose editorial, technical or major.");
    const bad = await b.json("POST", `${API}/comments`, { ...comment, section: "nowhere" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.section).toBe("Choose one of the version's sections.");
    expect(await commentCount()).toBe(0);
  });

  it("before submission the author and the focal point edit or withdraw; a colleague or another agency cannot", async () => {
    const { as, who } = await setup();
    await (await as("esaMember")).post(`${R}/comments/new`, comment);
    expect(
      (await (await as("esaColleague")).post(`${R}/comments/1/edit`, { ...comment, text: "Mine now" }))
        .status,
    ).toBe(403);
    expect((await (await as("jaxaFocal")).post(`${R}/comments/1/withdraw`)).status).toBe(403);
    expect(
      (await (await as("jaxaFocal")).json("PATCH", `${API}/comments/1`, { ...comment, text: "x" })).status,
    ).toBe(403);
    const edit = await (await as("esaFocal")).post(`${R}/comments/1/edit`, {
      ...comment,
      category: "editorial",
      text: "Consolidated.",
    });
    expect(edit.status).toBe(303);
    const [row] = await t.deps.db.select().from(reviewComments);
    expect(row).toMatchObject({ category: "editorial", text: "Consolidated.", authorId: who.esaMember.id });
    expect((await (await as("esaMember")).get(`${R}/comments/1/withdraw`)).status).toBe(200);
    expect((await (await as("esaMember")).post(`${R}/comments/1/withdraw`)).status).toBe(303);
    const [gone] = await t.deps.db.select().from(reviewComments);
    expect(gone!.withdrawn).toBe(true);
  });

  it("the focal point submits the agency's set once; then everyone sees it and nobody changes it", async () => {
    const { as, who } = await setup();
    await (await as("esaMember")).post(`${R}/comments/new`, comment);
    expect((await (await as("esaMember")).post(`${R}/submit`)).status).toBe(403);
    expect((await (await as("jaxaFocal")).get(`${R}/submit`)).status).toBe(200);
    const fp = await as("esaFocal");
    expect((await fp.post(`${R}/submit`)).status).toBe(303);
    expect((await fp.post(`${R}/submit`)).status).toBe(409);
    const submittedBy = await t.deps.db
      .select({ by: reviewRoundAgencies.commentsSubmittedBy })
      .from(reviewRoundAgencies)
      .where(isNotNull(reviewRoundAgencies.commentsSubmittedAt));
    expect(submittedBy).toEqual([{ by: who.esaFocal.id }]);
    expect(await (await (await as("jaxaFocal")).get(R)).text()).toContain("Name the landing sites.");
    expect(
      (await (await as("esaMember")).post(`${R}/comments/1/edit`, { ...comment, text: "Late" })).status,
    ).toBe(409);
    expect((await (await as("esaMember")).post(`${R}/comments/new`, comment)).status).toBe(409);
    expect(await commentCount()).toBe(1);
  });
});

describe("the version page", () => {
  it("offers participants a link to comment on each section; others get none", async () => {
    const { as } = await setup();
    const V = "/private/products/lunar-white-paper/versions/1";
    const mine = await (await (await as("esaMember")).get(V)).text();
    expect(mine).toContain(`href="${R}/comments/new?section=landing-sites"`);
    expect(await (await (await as("nasaFocal")).get(V)).text()).not.toContain("/comments/new");
    const form = await (await (await as("esaMember")).get(`${R}/comments/new?section=landing-sites`)).text();
    expect(form).toMatch(/<option value="landing-sites" selected="">2.1 Landing sites<\/option>/);
  });
});

describe("dispositions", () => {
  it("editors give submitted comments a disposition; rejecting needs a rationale; others cannot", async () => {
    const { as } = await setup();
    await makeComment(t.deps, "lunar-white-paper", "JAXA", { submit: true });
    const sec = await as("secretariat");
    const noWhy = await sec.post(`${R}/comments/1/disposition`, { disposition: "rejected", rationale: "" });
    expect(noWhy.status).toBe(422);
    expect(await noWhy.text()).toContain("Give the rationale for rejecting the comment.");
    expect((await t.deps.db.select().from(reviewComments))[0]!.disposition).toBeNull();
    expect(
      (await (await as("jaxaFocal")).post(`${R}/comments/1/disposition`, { disposition: "accepted" })).status,
    ).toBe(403);
    expect(
      (await (await as("esaFocal")).json("PUT", `${API}/comments/1/disposition`, { disposition: "accepted" }))
        .status,
    ).toBe(403);
    expect(
      (await sec.post(`${R}/comments/1/disposition`, { disposition: "rejected", rationale: "Out of scope." }))
        .status,
    ).toBe(303);
    expect((await t.deps.db.select().from(reviewComments))[0]).toMatchObject({
      disposition: "rejected",
      rationale: "Out of scope.",
    });
  });

  it("an unsubmitted draft gets no disposition", async () => {
    const { as } = await setup();
    await makeComment(t.deps, "lunar-white-paper", "JAXA");
    expect(
      (await (await as("secretariat")).post(`${R}/comments/1/disposition`, { disposition: "noted" })).status,
    ).toBe(409);
  });
});

describe("positions", () => {
  it("only the agency's own focal point sets its position (page and API); non-concur needs a rationale", async () => {
    const { as } = await setup();
    for (const k of ["esaMember", "nasaFocal", "secretariat"] as const) {
      expect((await (await as(k)).post(`${R}/position`, { position: "concur" })).status).toBe(403);
      expect((await (await as(k)).json("POST", `${API}/positions`, { position: "concur" })).status).toBe(403);
    }
    const fp = await as("esaFocal");
    const bad = await fp.post(`${R}/position`, { position: "non_concur", rationale: "" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Give the rationale for non-concurring.");
    expect(await positionCount()).toBe(0);
    expect(
      (await fp.post(`${R}/position`, { position: "non_concur", rationale: "Budget section." })).status,
    ).toBe(303);
    expect((await fp.json("POST", `${API}/positions`, { position: "concur" })).status).toBe(201);
    const rows = await t.deps.db.select().from(reviewPositions).orderBy(reviewPositions.id);
    expect(rows.map((r) => r.position)).toEqual(["non_concur", "concur"]);
  });

  it("hidden positions: other agencies do not see them until the round closes; editors and the agency do", async () => {
    const { as } = await setup({ hidePositions: true });
    await (await as("esaFocal")).post(`${R}/position`, {
      position: "non_concur",
      rationale: "Secret reason.",
    });
    expect(await (await (await as("jaxaFocal")).get(R)).text()).not.toContain("Secret reason.");
    const api = await (await (await as("jaxaFocal")).json("GET", API)).json();
    const esa = api.data.agencies.find((a: { agency: string }) => a.agency === "ESA");
    expect(esa).toMatchObject({ positionHidden: true, position: null, history: [] });
    expect(await (await (await as("esaMember")).get(R)).text()).toContain("Secret reason.");
    expect(await (await (await as("secretariat")).get(R)).text()).toContain("Secret reason.");
    clock = new Date("2031-02-02T00:00:00Z");
    expect(await (await (await as("jaxaFocal")).get(R)).text()).toContain("Secret reason.");
  });

  it("visible positions are seen by all members while open", async () => {
    const { as } = await setup({ hidePositions: false });
    await (await as("esaFocal")).post(`${R}/position`, {
      position: "concur_with_comments",
      rationale: "Open reason.",
    });
    expect(await (await (await as("nasaFocal")).get(R)).text()).toContain("Open reason.");
  });
});

describe("closing a round before its deadline", () => {
  const status = async () => (await t.deps.db.select().from(reviewRounds))[0]!.status;

  it("waits until every participating agency has given its position (or the secretariat gives a reason), then the editors may close it", async () => {
    const { as } = await setup();
    const sec = await as("secretariat");
    await (await as("esaFocal")).post(`${R}/position`, { position: "concur" });
    const early = await sec.post(`${R}/close`, {});
    expect(early.status).toBe(422);
    expect(await early.text()).toContain("Still waiting for JAXA");
    expect(await status()).toBe("open");
    await (await as("jaxaFocal")).post(`${R}/position`, { position: "abstain" });
    expect((await sec.get(`${R}/close`)).status).toBe(200);
    expect((await sec.post(`${R}/close`, {})).status).toBe(303);
    expect(await status()).toBe("closed");
    expect((await (await as("esaFocal")).post(`${R}/position`, { position: "abstain" })).status).toBe(409);
    expect((await sec.post(`${R}/close`, {})).status).toBe(409);
  });

  it("is for the editors only: not a focal point of a participating agency, nor a member", async () => {
    const { as } = await setup();
    await (await as("esaFocal")).post(`${R}/position`, { position: "concur" });
    await (await as("jaxaFocal")).post(`${R}/position`, { position: "concur" });
    for (const k of ["esaMember", "esaFocal", "jaxaFocal"] as const) {
      expect((await (await as(k)).get(`${R}/close`)).status).toBe(403);
      expect((await (await as(k)).post(`${R}/close`, {})).status).toBe(403);
    }
    expect(await status()).toBe("open");
  });
});

describe("a closed round is sealed", () => {
  it("no comment, edit, withdrawal, submission or position changes after the deadline, by page or API", async () => {
    const { as } = await setup();
    await (await as("esaMember")).post(`${R}/comments/new`, comment);
    clock = new Date("2031-02-01T12:00:01Z");
    const member = await as("esaMember");
    const fp = await as("esaFocal");
    const attempts = [
      await member.get(`${R}/comments/new`),
      await member.post(`${R}/comments/new`, comment),
      await member.post(`${R}/comments/1/edit`, { ...comment, text: "Late" }),
      await member.post(`${R}/comments/1/withdraw`),
      await fp.get(`${R}/submit`),
      await fp.post(`${R}/submit`),
      await fp.get(`${R}/position`),
      await fp.post(`${R}/position`, { position: "concur" }),
      await member.json("POST", `${API}/comments`, comment),
      await member.json("PATCH", `${API}/comments/1`, { ...comment, text: "Late" }),
      await member.json("POST", `${API}/comments/1/withdrawal`),
      await fp.json("POST", `${API}/submission`),
      await fp.json("POST", `${API}/positions`, { position: "concur" }),
    ];
    expect(attempts.map((r) => r.status)).toEqual(attempts.map(() => 409));
    const [row] = await t.deps.db.select().from(reviewComments);
    expect(row).toMatchObject({ text: comment.text, withdrawn: false });
    expect(await commentCount()).toBe(1);
    expect(await positionCount()).toBe(0);
    const submitted = await t.deps.db
      .select()
      .from(reviewRoundAgencies)
      .where(isNotNull(reviewRoundAgencies.commentsSubmittedAt));
    expect(submitted).toHaveLength(0);
  });
});

describe("API", () => {
  it("a visitor gets 401; a member reads products, versions with sections, and rounds", async () => {
    const { as } = await setup();
    expect((await (await browser(t.deps, t.app)).json("GET", "/api/v1/products")).status).toBe(401);
    const b = await as("nasaFocal");
    const list = await (await b.json("GET", "/api/v1/products")).json();
    expect(list.data.map((p: { slug: string }) => p.slug)).toContain("lunar-white-paper");
    const v = await (await b.json("GET", "/api/v1/products/lunar-white-paper/versions/1")).json();
    expect(v.data.sections.map((s: { number: string; anchor: string }) => `${s.number} ${s.anchor}`)).toEqual(
      ["1 purpose", "2 lunar-surface", "2.1 landing-sites", "3 budget"],
    );
    const round = await (await b.json("GET", API)).json();
    expect(round.data).toMatchObject({
      number: 1,
      version: 1,
      status: "open",
      deadline: "2031-02-01T12:00:00.000Z",
    });
  });

  it("an editor creates a product, adds a version and opens a round through the API", async () => {
    const { as } = await setup();
    const sec = await as("secretariat");
    const group = (await (await sec.json("GET", "/api/v1/products/lunar-white-paper")).json()).data.leadGroup;
    const created = await sec.json("POST", "/api/v1/products", {
      title: "Mars Sample Paper",
      kind: "white_paper",
      leadGroup: group,
      agencies: ["ESA"],
    });
    expect(created.status).toBe(201);
    expect((await created.json()).data.slug).toBe("mars-sample-paper");
    expect(
      (await sec.json("POST", "/api/v1/products/mars-sample-paper/versions", { body: "# One\n\nText." }))
        .status,
    ).toBe(201);
    const opened = await sec.json("POST", "/api/v1/products/mars-sample-paper/rounds", {
      version: 1,
      deadline: "2031-03-01T09:00",
      timeZone: "UTC",
    });
    expect(opened.status).toBe(201);
    expect((await opened.json()).data.agencies.map((a: { agency: string }) => a.agency)).toEqual(["ESA"]);
    const fp = await as("esaFocal");
    expect(
      (
        await fp.json("POST", "/api/v1/products", {
          title: "Nope",
          kind: "white_paper",
          leadGroup: group,
          agencies: ["ESA"],
        })
      ).status,
    ).toBe(403);
  });
});

describe("history", () => {
  it("every step leaves an audit entry on the product: who, their agency, what and when", async () => {
    const { as, who } = await setup();
    await (await as("esaMember")).post(`${R}/comments/new`, comment);
    await (await as("esaFocal")).post(`${R}/comments/1/edit`, { ...comment, text: "Consolidated." });
    await (await as("esaFocal")).post(`${R}/submit`);
    await (await as("esaFocal")).post(`${R}/position`, { position: "concur" });
    await (await as("secretariat")).post(`${R}/comments/1/disposition`, { disposition: "noted" });
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectType, "product"))
      .orderBy(auditLog.id);
    expect(entries.map((e) => e.action)).toEqual([
      "product.create",
      "product.version.add",
      "product.round.open",
      "product.comment.add",
      "product.comment.edit",
      "product.comments.submit",
      "product.position.set",
      "product.comment.disposition",
    ]);
    const edit = entries.find((e) => e.action === "product.comment.edit")!;
    expect(edit).toMatchObject({ actorId: who.esaFocal.id, agencyAcronym: "ESA" });
    expect(edit.details).toMatchObject({ before: { text: comment.text }, after: { text: "Consolidated." } });
  });
});
