import { describe, expect, it } from "vitest";
import {
  createComment,
  dispositionComment,
  updateComment,
} from "../../src/features/products/comments/comments.service.js";
import { findProductBySlug } from "../../src/features/products/products.queries.js";
import { currentRound } from "../../src/features/products/rounds/rounds.service.js";
import { systemActor } from "../../src/http/actor.js";
import { browser, makePerson } from "../support/actors.js";
import { reviewedProduct } from "../support/consensus.js";
import { useTestDatabase } from "../support/database.js";
import { readXlsx } from "../support/xlsx.js";

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const close = () => {
  clock = new Date("2031-02-02T12:00:00Z");
};
const R = "/private/products/lunar-white-paper/rounds/1";

/** ESA and JAXA submitted one comment each and answered; an ESA member drafted one more, unsubmitted. */
async function setup(opts: { open?: boolean } = {}) {
  clock = new Date("2031-01-10T12:00:00Z");
  await reviewedProduct(
    t.deps,
    { ESA: { position: "concur" }, JAXA: { position: "non_concur", rationale: "Budget unclear." } },
    { close: () => {} },
  );
  const product = (await findProductBySlug(t.deps.db, "lunar-white-paper"))!;
  const nasaMember = await makePerson(t.deps, ["member"], "NASA");
  const draft = await createComment(t.deps, nasaMember, product, await currentRound(t.deps, product.id, 1), {
    section: "purpose",
    category: "editorial",
    text: "A NASA draft nobody else sees.",
  });
  await updateComment(t.deps, nasaMember, product, await currentRound(t.deps, product.id, 1), draft.number, {
    section: "purpose",
    category: "editorial",
    text: "A NASA draft, changed.",
  });
  if (!opts.open) close();
  const round = await currentRound(t.deps, product.id, 1);
  await dispositionComment(t.deps, systemActor("test"), product, round, 1, { disposition: "accepted" });
  return {
    nasa: await browser(t.deps, t.app, nasaMember),
    as: async (roles: Parameters<typeof makePerson>[1], org: string | null) =>
      browser(t.deps, t.app, await makePerson(t.deps, roles, org)),
  };
}

describe("comment resolution matrix downloads", () => {
  it("gives the submitted comments as CSV with a byte order mark and a file name", async () => {
    const { as } = await setup();
    const res = await (await as(["member"], "CSA")).get(`${R}/matrix.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="lunar-white-paper-round-1-comment-resolution.csv"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("ESA: name the landing sites.");
    expect(text).toContain("JAXA: name the landing sites.");
    expect(text).toContain("'=SUM(A1) is preferred");
    expect(text).not.toContain("NASA draft");
  });

  it("gives the same lines as a spreadsheet that reads back cell for cell", async () => {
    const { as } = await setup();
    const res = await (await as(["member"], "ESA")).get(`${R}/matrix.xlsx`);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const { sheet } = readXlsx(new Uint8Array(await res.arrayBuffer()));
    expect(sheet.rows[0]).toEqual([
      "No.",
      "Agency",
      "Section",
      "Category",
      "Comment",
      "Proposed change: from",
      "Proposed change: to",
      "Disposition",
      "Rationale",
    ]);
    expect(sheet.rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[6], r[7]])).toEqual([
      ["1", "ESA", "2.1 Landing sites", "Technical", "=SUM(A1) is preferred", "Accepted"],
      ["2", "JAXA", "2.1 Landing sites", "Major", "=SUM(A1) is preferred", "Open"],
    ]);
    expect(sheet.cells.some((c) => c.formula)).toBe(false);
  });

  it("is for signed-in members only", async () => {
    await setup();
    const visitor = await browser(t.deps, t.app);
    const res = await visitor.get(`${R}/matrix.xlsx`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/sign-in/);
    expect((await visitor.get("/api/v1/products/lunar-white-paper/rounds/1/matrix")).status).toBe(401);
  });
});

describe("consensus on the round page", () => {
  it("names the agency that does not concur, with its rationale, once the round closed", async () => {
    const { as } = await setup();
    const html = await (await (await as(["member"], "CSA")).get(R)).text();
    expect(html).toContain("Not ready");
    expect(html).toContain("JAXA does not concur: Budget unclear.");
    expect(html).toContain("Major comment 2 from JAXA has no disposition yet.");
    expect(html).toContain("/matrix.xlsx");
  });

  it("keeps hidden positions out of sight while the round is open", async () => {
    const { as } = await setup({ open: true });
    const html = await (await (await as(["member"], "ESA")).get(R)).text();
    expect(html).not.toContain("Budget unclear");
    expect(html).toContain("stay hidden until the round closes");
  });
});

describe("history", () => {
  it("shows every step with who and when, changes with the value before and after", async () => {
    const { as, nasa } = await setup();
    const sec = await as(["secretariat"], null);
    const html = await (await sec.get("/private/products/lunar-white-paper/history")).text();
    for (const text of [
      "Started the product Lunar Surface White Paper",
      "Added version 1",
      "Opened review round 1",
      "submitted 1 comment in round 1",
      "JAXA&#39;s position in round 1",
      "Review round 1 closed at its deadline",
      "Comment 1 of round 1: accepted",
      "<ins>Accepted</ins>",
    ]) {
      expect(html).toContain(text);
    }
    // An agency's unsubmitted drafts stay inside it, even for the editors; the agency sees them.
    expect(html).not.toContain("Comment 3 changed");
    const own = await (await nasa.get("/private/products/lunar-white-paper/history")).text();
    expect(own).toContain("Comment 3 changed");
    expect(own).toContain("A NASA draft nobody else sees.");
  });

  it("hides another agency's unsubmitted drafts and, while open, its hidden positions", async () => {
    const { as } = await setup({ open: true });
    const csa = await as(["member"], "ESA");
    const html = await (await csa.get("/private/products/lunar-white-paper/history")).text();
    expect(html).toContain("ESA&#39;s position in round 1");
    expect(html).not.toContain("JAXA&#39;s position in round 1");
    expect(html).not.toContain("Comment 3 drafted");
    expect(html).toContain("Comment 1 drafted");
  });

  it("is for signed-in members only", async () => {
    await setup();
    const res = await (await browser(t.deps, t.app)).get("/private/products/lunar-white-paper/history");
    expect(res.status).toBe(303);
  });
});
