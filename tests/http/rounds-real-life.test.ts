import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, outbox, reviewDeferrals, reviewRounds } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { makeProduct, makeRound } from "../support/products.js";

const t = useTestDatabase({ now: () => new Date("2031-01-10T12:00:00Z") });
const R = "/private/products/lunar-white-paper/rounds/1";
const API = "/api/v1/products/lunar-white-paper/rounds/1";

async function setup() {
  const chair = await makePerson(t.deps, ["member", "chair"], "NASA");
  await makeProduct(t.deps, { chairId: chair.id });
  await makeRound(t.deps, "lunar-white-paper", {
    deadline: "2031-02-01T12:00",
    agencies: ["ESA", "JAXA", "NASA"],
  });
  await makePerson(t.deps, ["member"], "JAXA");
  return {
    chair: await browser(t.deps, t.app, chair),
    sec: await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null)),
    esaFocal: await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA")),
    esaMember: await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA")),
    cnesFocal: await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "CNES")),
  };
}
const round = async () => (await t.deps.db.select().from(reviewRounds))[0]!;
const mails = (kind: string) => t.deps.db.select().from(outbox).where(eq(outbox.kind, kind));
const audits = (action: string) => t.deps.db.select().from(auditLog).where(eq(auditLog.action, action));

describe("moving a round's deadline", { timeout: 60_000 }, () => {
  it("an editor moves it later with a reason: mailed to the participants and in the history", async () => {
    const { chair } = await setup();
    const page = await chair.get(`${R}/deadline`);
    expect(page.status).toBe(200);
    const res = await chair.post(`${R}/deadline`, {
      deadline: "2031-02-15T12:00",
      timeZone: "UTC",
      reason: "The agencies asked for time after the holidays.",
    });
    expect(res.status).toBe(303);
    expect((await round()).deadline.toISOString()).toBe("2031-02-15T12:00:00.000Z");
    const sent = await mails("review_round.deadline");
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]!.textBody).toContain("The agencies asked for time after the holidays.");
    const history = await (await chair.get("/private/products/lunar-white-paper/history")).text();
    expect(history).toContain("Moved the deadline of review round 1");
  });

  it("refuses no reason or an earlier time (422), and anyone but the editors (403)", async () => {
    const { chair, esaFocal, esaMember } = await setup();
    const noReason = await chair.post(`${R}/deadline`, { deadline: "2031-02-15T12:00", timeZone: "UTC" });
    expect(noReason.status).toBe(422);
    const earlier = await chair.json("POST", `${API}/deadline-extensions`, {
      deadline: "2031-01-20T12:00",
      reason: "Sooner is better for all of us.",
    });
    expect(earlier.status).toBe(422);
    for (const b of [esaFocal, esaMember]) {
      const body = { deadline: "2031-03-01T12:00", reason: "We would like more time." };
      expect((await b.json("POST", `${API}/deadline-extensions`, body)).status).toBe(403);
      expect((await b.post(`${R}/deadline`, body)).status).toBe(403);
    }
    expect((await round()).deadline.toISOString()).toBe("2031-02-01T12:00:00.000Z");
  });
});

describe("an agency's two-week deferral", { timeout: 60_000 }, () => {
  it("a focal point defers once per round: two weeks later for everyone, mailed and audited; a second is refused", async () => {
    const { esaFocal } = await setup();
    const res = await esaFocal.post(`${R}/deferral`, { reason: "Our board meets after the deadline." });
    expect(res.status).toBe(303);
    expect((await round()).deadline.toISOString()).toBe("2031-02-15T12:00:00.000Z");
    expect(await t.deps.db.select().from(reviewDeferrals)).toHaveLength(1);
    expect((await mails("review_round.deadline")).length).toBeGreaterThan(0);
    expect(await audits("product.round.defer")).toHaveLength(1);
    const again = await esaFocal.json("POST", `${API}/deferrals`, { reason: "And once more, please." });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toContain("one per round");
    expect((await round()).deadline.toISOString()).toBe("2031-02-15T12:00:00.000Z");
  });

  it("not by a member who is no focal point, nor by an agency outside the round", async () => {
    const { esaMember, cnesFocal } = await setup();
    for (const b of [esaMember, cnesFocal]) {
      expect((await b.json("POST", `${API}/deferrals`, { reason: "We need more time." })).status).toBe(403);
      expect((await b.get(`${R}/deferral`)).status).toBe(403);
    }
    expect(await t.deps.db.select().from(reviewDeferrals)).toHaveLength(0);
  });
});

describe("closing a round early", { timeout: 60_000 }, () => {
  it("a chair cannot close while an agency is silent; the secretariat can, with a reason", async () => {
    const { chair, sec } = await setup();
    const refused = await chair.json("POST", `${API}/closure`, {});
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toContain("still waiting for ESA, JAXA, NASA");
    const noReason = await sec.post(`${R}/close`, {});
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain("give the reason for closing now");
    expect((await round()).status).toBe("open");
    const res = await sec.post(`${R}/close`, { reason: "The SAM meets next week and agreed to decide." });
    expect(res.status).toBe(303);
    expect((await round()).status).toBe("closed");
    const [entry] = await audits("product.round.close");
    expect(entry!.summary).toContain(
      "by the secretariat's decision, without a position from ESA, JAXA, NASA",
    );
  });

  it("an editor closes once every agency has answered, through the API too", async () => {
    const { chair, sec } = await setup();
    for (const agency of ["ESA", "JAXA", "NASA"]) {
      const r = await sec.json("POST", `${API}/positions`, {
        agency,
        position: "concur",
        evidence: `E-mail from ${agency}.`,
      });
      expect(r.status).toBe(201);
    }
    const res = await chair.json("POST", `${API}/closure`, {});
    expect(res.status).toBe(200);
    expect((await res.json()).data).toMatchObject({ status: "closed" });
  });
});

describe("recording a position on an agency's behalf through the page", { timeout: 60_000 }, () => {
  it("the secretariat's form records it with the evidence; others get 403", async () => {
    const { sec, chair, esaFocal } = await setup();
    expect((await sec.get(`${R}/positions/on-behalf`)).status).toBe(200);
    const missing = await sec.post(`${R}/positions/on-behalf`, { agency: "JAXA", position: "concur" });
    expect(missing.status).toBe(422);
    const res = await sec.post(`${R}/positions/on-behalf`, {
      agency: "JAXA",
      position: "concur",
      evidence: "Letter from JAXA of 8 January 2031.",
    });
    expect(res.status).toBe(303);
    for (const b of [chair, esaFocal]) expect((await b.get(`${R}/positions/on-behalf`)).status).toBe(403);
  });
});

describe("the product's history in the API", { timeout: 60_000 }, () => {
  it("lists the steps for a member and asks a visitor to sign in", async () => {
    const { esaMember } = await setup();
    const res = await esaMember.json("GET", "/api/v1/products/lunar-white-paper/history");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.map((e: { action: string }) => e.action)).toContain("product.round.open");
    const visitor = await browser(t.deps, t.app);
    expect((await visitor.json("GET", "/api/v1/products/lunar-white-paper/history")).status).toBe(401);
  });
});
