import { describe, expect, it } from "vitest";
import { reviewPositions } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { makeComment, makeProduct, makeRound } from "../support/products.js";

const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const t = useTestDatabase({ now: () => NOW });
const R = "/private/products/lunar-white-paper/rounds/1";
const API = "/api/v1/products/lunar-white-paper/rounds/1";

async function setup() {
  await makeProduct(t.deps, { agencies: ["CNES", "ESA"] });
  await makeRound(t.deps, "lunar-white-paper", { agencies: ["CNES", "ESA"], hidePositions: false });
  await makeComment(t.deps, "lunar-white-paper", "CNES", { submit: true, text: "Name the sites." });
  return {
    cnes: await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "CNES")),
    sec: await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null)),
  };
}

describe("a position that names its cure", { timeout: 60_000 }, () => {
  it("a non-concur lists the comments it waits for; the status says so; once answered the agency is asked to confirm", async () => {
    const { cnes, sec } = await setup();
    const res = await cnes.post(`${R}/position`, {
      position: "non_concur",
      rationale: "The sites are not named.",
      comments: "1",
    });
    expect(res.status).toBe(303);
    const status = (await (await cnes.json("GET", `${API}/consensus`)).json()).data;
    const reason = status.reasons.find((r: { kind: string }) => r.kind === "non_concur");
    expect(reason).toMatchObject({ agency: "CNES", until: [1], resolved: false });
    expect(reason.message).toBe("CNES: non-concur until comment 1 is resolved: The sites are not named.");
    expect(await (await cnes.get(R)).text()).toContain("until comment 1 is resolved");
    expect(await (await cnes.get("/private")).text()).not.toContain("Confirm or change CNES");
    await sec.json("PUT", `${API}/comments/1/disposition`, { disposition: "accepted" });
    const after = (await (await cnes.json("GET", `${API}/consensus`)).json()).data;
    expect(after.reasons.find((r: { kind: string }) => r.kind === "non_concur")).toMatchObject({
      resolved: true,
    });
    const home = await (await cnes.get("/private")).text();
    expect(home).toContain("Confirm or change CNES&#39;s position in round 1 of Lunar Surface White Paper");
    await cnes.post(`${R}/position`, { position: "concur" });
    expect(await (await cnes.get("/private")).text()).not.toContain("Confirm or change CNES");
  });

  it("refuses comments that do not exist, and comments on a plain concur", async () => {
    const { cnes } = await setup();
    const missing = await cnes.json("POST", `${API}/positions`, {
      position: "non_concur",
      rationale: "No.",
      comments: [7],
    });
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.fields.comments).toMatch(/no comment 7/);
    const plain = await cnes.json("POST", `${API}/positions`, { position: "concur", comments: [1] });
    expect(plain.status).toBe(422);
    expect(await t.deps.db.select().from(reviewPositions)).toHaveLength(0);
  });
});
