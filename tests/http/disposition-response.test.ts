import { describe, expect, it } from "vitest";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { makeComment, makeProduct, makeRound } from "../support/products.js";

const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const t = useTestDatabase({ now: () => NOW });
const R = "/private/products/lunar-white-paper/rounds/1";
const API = "/api/v1/products/lunar-white-paper/rounds/1";

async function setup() {
  await makeProduct(t.deps, { agencies: ["CNES", "ESA"] });
  await makeRound(t.deps, "lunar-white-paper", { agencies: ["CNES", "ESA"] });
  await makeComment(t.deps, "lunar-white-paper", "CNES", { submit: true, text: "Name the sites." });
  const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
  await sec.json("PUT", `${API}/comments/1/disposition`, {
    disposition: "rejected",
    rationale: "Out of scope.",
  });
  return {
    sec,
    cnes: await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "CNES")),
    cnesMember: await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "CNES")),
    esa: await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA")),
  };
}

describe("the commenting agency answers a disposition", { timeout: 60_000 }, () => {
  it("its focal point contests with a reason (shown on the round, in the API and history), then accepts", async () => {
    const { cnes, sec } = await setup();
    expect(await (await cnes.get("/private")).text()).toContain(
      "1 disposition of CNES&#39;s comments to accept or contest in round 1",
    );
    const empty = await cnes.post(`${R}/comments/1/response`, { response: "contested" });
    expect(empty.status).toBe(422);
    const res = await cnes.post(`${R}/comments/1/response`, {
      response: "contested",
      note: "The sites are in scope of section 2.",
    });
    expect(res.status).toBe(303);
    const round = await (await sec.get(R)).text();
    expect(round).toContain("Contested by the agency");
    expect(round).toContain("The sites are in scope of section 2.");
    const history = await (await sec.get("/private/products/lunar-white-paper/history")).text();
    expect(history).toContain("CNES contests the disposition (rejected) of comment 1 of round 1");
    const api = await cnes.json("PUT", `${API}/comments/1/response`, { response: "accepted" });
    expect(api.status).toBe(200);
    expect((await api.json()).data).toMatchObject({ response: "accepted" });
    expect(await (await cnes.get("/private")).text()).not.toContain("to accept or contest");
  });

  it("not by another agency, a member who is no focal point, or the editors; not before a disposition", async () => {
    const { esa, cnesMember, sec } = await setup();
    for (const b of [esa, cnesMember, sec]) {
      expect((await b.json("PUT", `${API}/comments/1/response`, { response: "accepted" })).status).toBe(403);
      expect((await b.get(`${R}/comments/1/response`)).status).toBe(403);
    }
    await makeComment(t.deps, "lunar-white-paper", "ESA", { submit: true });
    const early = await esa.json("PUT", `${API}/comments/2/response`, { response: "accepted" });
    expect(early.status).toBe(409);
  });
});
