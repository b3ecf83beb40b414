import { describe, expect, it } from "vitest";
import { reviewComments, reviewPositions } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { makeProduct, makeRound } from "../support/products.js";

const t = useTestDatabase({ now: () => new Date("2031-01-10T12:00:00Z") });
const R = "/private/products/lunar-white-paper/rounds/1";
const API = "/api/v1/products/lunar-white-paper/rounds/1";

async function openRound(hidePositions = true) {
  await makeProduct(t.deps);
  await makeRound(t.deps, "lunar-white-paper", { agencies: ["ESA", "JAXA", "NASA"], hidePositions });
}
const positions = () => t.deps.db.select().from(reviewPositions);
const comments = () => t.deps.db.select().from(reviewComments);

describe("an agency speaks only for itself", { timeout: 60_000 }, () => {
  it("a NASA focal point's position naming ESA is refused with 403 and a message, and nothing is recorded", async () => {
    await openRound();
    const nasa = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "NASA"));
    for (const body of [
      { agency: "ESA", position: "non_concur", rationale: "ESA objects." },
      { agency: "esa", position: "concur" },
      { organisation: "ESA", position: "concur" },
    ]) {
      const res = await nasa.json("POST", `${API}/positions`, body);
      expect(res.status).toBe(403);
      const error = (await res.json()).error;
      expect(error.code).toBe("forbidden");
      expect(error.message).toContain("You speak for NASA, but this position names ESA");
    }
    const page = await nasa.post(`${R}/position`, { agency: "ESA", position: "concur" });
    expect(page.status).toBe(403);
    expect(await positions()).toHaveLength(0);
  });

  it("naming an agency by id is refused the same way; naming one's own agency is fine", async () => {
    await openRound();
    const nasaPerson = await makePerson(t.deps, ["member", "focal_point"], "NASA");
    const esaPerson = await makePerson(t.deps, ["member"], "ESA");
    const nasa = await browser(t.deps, t.app, nasaPerson);
    const byId = await nasa.json("POST", `${API}/positions`, {
      organisationId: esaPerson.organisationId,
      position: "concur",
    });
    expect(byId.status).toBe(403);
    const own = await nasa.json("POST", `${API}/positions`, { agency: "NASA", position: "concur" });
    expect(own.status).toBe(201);
    const rows = await positions();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ organisationId: nasaPerson.organisationId, onBehalf: false });
  });

  it("naming an agency that does not exist is a 422 with the field", async () => {
    await openRound();
    const nasa = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "NASA"));
    const res = await nasa.json("POST", `${API}/positions`, { agency: "XYZ", position: "concur" });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.agency).toMatch(/no member XYZ/);
    expect(await positions()).toHaveLength(0);
  });

  it("a comment naming another agency is refused with 403 (API and page), and nothing is recorded", async () => {
    await openRound();
    const nasa = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "NASA"));
    const body = { agency: "ESA", section: "landing-sites", category: "major", text: "From ESA." };
    const res = await nasa.json("POST", `${API}/comments`, body);
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain("this comment names ESA");
    expect((await nasa.post(`${R}/comments/new`, body)).status).toBe(403);
    expect(await comments()).toHaveLength(0);
  });
});

describe("the secretariat records a position on an agency's behalf", { timeout: 60_000 }, () => {
  it("with the evidence, labelled as such on the round page, in the API and in the history", async () => {
    await openRound(false);
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const none = await sec.json("POST", `${API}/positions`, { agency: "ESA", position: "concur" });
    expect(none.status).toBe(422);
    expect((await none.json()).error.fields.evidence).toMatch(/Say how ESA gave this position/);
    const res = await sec.json("POST", `${API}/positions`, {
      agency: "ESA",
      position: "concur",
      evidence: "E-mail from the ESA focal point, 9 January 2031.",
    });
    expect(res.status).toBe(201);
    const esa = (await res.json()).data.agencies.find((a: { agency: string }) => a.agency === "ESA");
    expect(esa.position).toMatchObject({
      position: "concur",
      onBehalf: true,
      evidence: "E-mail from the ESA focal point, 9 January 2031.",
    });
    const page = await (await sec.get(R)).text();
    expect(page).toContain("recorded by the secretariat on the agency&#39;s behalf");
    expect(page).toContain("E-mail from the ESA focal point");
    const history = await (await sec.get("/private/products/lunar-white-paper/history")).text();
    expect(history).toContain("The secretariat recorded ESA&#39;s position on its behalf");
  });

  it("not for an agency outside the round, and not by a chair or another agency's focal point", async () => {
    await openRound();
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const outside = await sec.json("POST", `${API}/positions`, {
      agency: "CNES",
      position: "concur",
      evidence: "A letter.",
    });
    expect(outside.status).toBe(403);
    const chair = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "chair"], "JAXA"));
    const byChair = await chair.json("POST", `${API}/positions`, {
      agency: "ESA",
      position: "concur",
      evidence: "A letter.",
    });
    expect(byChair.status).toBe(403);
    expect(await positions()).toHaveLength(0);
  });

  it("a hidden position recorded on ESA's behalf stays hidden from other agencies in the history", async () => {
    await openRound(true);
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const res = await sec.json("POST", `${API}/positions`, {
      agency: "ESA",
      position: "non_concur",
      rationale: "Budget section unclear.",
      evidence: "Letter of 8 January.",
    });
    expect(res.status).toBe(201);
    const jaxa = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "JAXA"));
    const history = await (await jaxa.get("/private/products/lunar-white-paper/history")).text();
    expect(history).not.toContain("Budget section unclear");
    expect(history).not.toContain("ESA&#39;s position");
    const esa = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    expect(await (await esa.get("/private/products/lunar-white-paper/history")).text()).toContain(
      "ESA&#39;s position",
    );
  });
});
