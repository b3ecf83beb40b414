import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, reviewPositions } from "../../src/db/schema/index.js";
import {
  createComment,
  dispositionComment,
  submitComments,
} from "../../src/features/products/comments/comments.service.js";
import { setPosition } from "../../src/features/products/positions/positions.service.js";
import { createVersion } from "../../src/features/products/products.service.js";
import { currentRound, openRound } from "../../src/features/products/rounds/rounds.service.js";
import { systemActor } from "../../src/http/actor.js";
import { browser, makePerson } from "../support/actors.js";
import { reviewedProduct } from "../support/consensus.js";
import { useTestDatabase } from "../support/database.js";
import { makeProduct, makeRound, V1, V2 } from "../support/products.js";

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const P = "/private/products/lunar-white-paper";
const system = systemActor("test");

/** V1 with a new first section: every section keeps its text but moves down by one number. */
const MOVED = V1.replace("# Purpose", "# Context\n\nWhy now.\n\n# Purpose");

/**
 * Round 1 on version 1: ESA comments on "Purpose" and concurs, JAXA comments on "Landing sites" and
 * does not concur, NASA concurs without comments. The round closes and JAXA's comment is accepted.
 */
async function roundOneAnswered() {
  clock = new Date("2031-01-10T12:00:00Z");
  const product = await makeProduct(t.deps);
  await makeRound(t.deps, "lunar-white-paper", { deadline: "2031-02-01T12:00" });
  const answers = [
    ["ESA", "purpose", "concur"],
    ["JAXA", "landing-sites", "non_concur"],
    ["NASA", null, "concur"],
  ] as const;
  const focal: Record<string, Awaited<ReturnType<typeof makePerson>>> = {};
  for (const [agency, section, position] of answers) {
    focal[agency] = await makePerson(t.deps, ["member", "focal_point"], agency);
    const round = await currentRound(t.deps, product.id, 1);
    if (section) {
      await createComment(t.deps, focal[agency]!, product, round, {
        section,
        category: "technical",
        text: `${agency} on ${section}.`,
      });
      await submitComments(t.deps, focal[agency]!, product, round);
    }
    await setPosition(t.deps, focal[agency]!, product, round, {
      position,
      rationale: position === "non_concur" ? "Name the sites." : undefined,
    });
  }
  clock = new Date("2031-02-02T12:00:00Z");
  const closed = await currentRound(t.deps, product.id, 1);
  await dispositionComment(t.deps, system, product, closed, 2, { disposition: "accepted" });
  return { product, focal };
}

const openRoundTwo = (version: number) =>
  openRound(t.deps, system, "lunar-white-paper", {
    version,
    deadline: "2031-03-01T12:00",
    timeZone: "UTC",
    agencies: [],
    hidePositions: false,
    silenceMeans: "abstain",
  });

describe("comments travel across versions, never silently", { timeout: 60_000 }, () => {
  it("each open comment shows as text changed with the old and new text side by side", async () => {
    await reviewedProduct(
      t.deps,
      { ESA: { position: "concur" }, JAXA: { position: "non_concur", rationale: "Sites." } },
      {
        close: () => {
          clock = new Date("2031-02-02T12:00:00Z");
        },
      },
    );
    await createVersion(t.deps, system, "lunar-white-paper", { body: V2 });
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "NASA"));
    expect(await (await member.get(`${P}/versions/2`)).text()).toContain(`${P}/versions/2/carried`);
    const html = await (await member.get(`${P}/versions/2/carried`)).text();
    expect(html).toContain("2 comments");
    expect(html).toContain("Comment 2 of round 1");
    expect(html).toContain("Text changed");
    expect(html).toContain("The south polar region is preferred.");
    expect(html).toContain("The south polar region and Shackleton crater are preferred.");
    // A member sees the state, but no confirm button: only editors confirm.
    expect(html).toContain("Not yet confirmed by the editors.");
    expect(html).not.toContain("/confirm");
    const visitor = await browser(t.deps, t.app);
    expect((await visitor.get(`${P}/versions/2/carried`)).status).toBe(303);
  });

  it("answered comments of the previous round show too: unchanged, or text changed", async () => {
    await roundOneAnswered();
    await createVersion(t.deps, system, "lunar-white-paper", { body: V2 });
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "NASA"));
    const html = await (await member.get(`${P}/versions/2/carried`)).text();
    expect(html).toMatch(/Comment 1 of round 1<\/a> \(ESA\)[\s\S]*?Unchanged/);
    expect(html).toMatch(/Comment 2 of round 1<\/a> \(JAXA\)[\s\S]*?Text changed[\s\S]*?Accepted/);
    expect(html).toContain("JAXA: the sections it commented on changed");
  });

  it("an editor confirms a moved comment; it is audited and shown, and cannot be confirmed twice", async () => {
    await roundOneAnswered();
    await createVersion(t.deps, system, "lunar-white-paper", { body: MOVED });
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const page = await (await sec.get(`${P}/versions/2/carried`)).text();
    expect(page).toMatch(/\(ESA\)[\s\S]*?Moved/);
    expect(page).toContain("No agency: no commented section changed.");
    const confirm = `${P}/versions/2/carried/rounds/1/comments/1/confirm`;
    const res = await sec.post(confirm, {});
    expect(res.status).toBe(303);
    expect(await (await sec.get(res.headers.get("location")!)).text()).toMatch(
      /The comment is confirmed[\s\S]*?Confirmed by the editors/,
    );
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "product.comment.carry_confirm"));
    expect(entry?.summary).toBe("Confirmed comment 1 of round 1 (ESA) in version 2: moved");
    expect((await sec.post(confirm, {})).status).toBe(409);
  });

  it("an unchanged comment has nothing to confirm, and a member or focal point cannot confirm", async () => {
    await roundOneAnswered();
    await createVersion(t.deps, system, "lunar-white-paper", { body: V2 });
    const esa = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    expect((await esa.post(`${P}/versions/2/carried/rounds/1/comments/2/confirm`, {})).status).toBe(403);
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    expect((await sec.post(`${P}/versions/2/carried/rounds/1/comments/1/confirm`, {})).status).toBe(409);
  });

  it("a round on the new version asks only the agency whose commented section changed; the others keep theirs", async () => {
    const { product } = await roundOneAnswered();
    await createVersion(t.deps, system, "lunar-white-paper", { body: V2 });
    await openRoundTwo(2);
    const round = await currentRound(t.deps, product.id, 2);
    const kept = await t.deps.db.select().from(reviewPositions).where(eq(reviewPositions.roundId, round.id));
    expect(kept.map((p) => [p.position, p.carriedFromRound]).sort()).toEqual([
      ["concur", 1],
      ["concur", 1],
    ]);
    const jaxa = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "JAXA"));
    expect(await (await jaxa.get("/private")).text()).toContain(
      "Re-confirm JAXA&#39;s position in round 2 of Lunar Surface White Paper",
    );
    const esa = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    expect(await (await esa.get("/private")).text()).not.toContain("round 2 of Lunar");
    const roundPage = await (await esa.get(`${P}/rounds/2`)).text();
    expect(roundPage).toContain("kept from round 1: the sections the agency commented on did not change");
    const opened = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "product.round.open"));
    expect(opened.at(-1)?.details).toMatchObject({
      positionsKept: ["ESA", "NASA"],
      askedToReconfirm: ["JAXA"],
    });
  });

  it("the API lists the carried comments and who re-confirms; only editors confirm", async () => {
    await roundOneAnswered();
    await createVersion(t.deps, system, "lunar-white-paper", { body: V2 });
    const API = "/api/v1/products/lunar-white-paper/versions/2/carried";
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "NASA"));
    const listed = await (await member.json("GET", API)).json();
    expect(listed.reconfirm).toEqual(["JAXA"]);
    expect(
      listed.data.map((d: { agency: string; statusLabel: string }) => [d.agency, d.statusLabel]),
    ).toEqual([
      ["ESA", "Unchanged"],
      ["JAXA", "Text changed"],
    ]);
    const confirm = `${API}/rounds/1/comments/2/confirmation`;
    expect((await member.json("PUT", confirm)).status).toBe(403);
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    expect((await sec.json("PUT", confirm)).status).toBe(204);
    const after = await (await member.json("GET", API)).json();
    expect(after.data[1].confirmedAt).not.toBeNull();
  });
});
