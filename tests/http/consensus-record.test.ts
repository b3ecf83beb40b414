import { describe, expect, it } from "vitest";
import { browser, makePerson } from "../support/actors.js";
import { decisionAt, reviewedProduct } from "../support/consensus.js";
import { useTestDatabase } from "../support/database.js";

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const P = "/private/products/lunar-white-paper";
const API = "/api/v1/products/lunar-white-paper";

async function published() {
  clock = new Date("2031-01-10T12:00:00Z");
  const { product } = await reviewedProduct(
    t.deps,
    { ESA: { position: "concur" }, JAXA: { position: "concur_with_comments" } },
    {
      dispose: true,
      close: () => {
        clock = new Date("2031-02-02T12:00:00Z");
      },
    },
  );
  const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
  const sam = await decisionAt(t.deps, "sam_meeting");
  return { product, sec, sam };
}

describe("the consensus record", { timeout: 60_000 }, () => {
  it("is made at publication: version and hash, each agency's final position and when, comments by disposition, the decision", async () => {
    const { sec, sam } = await published();
    const before = await sec.json("GET", `${API}/consensus-record`);
    expect(before.status).toBe(409);
    const res = await sec.json("POST", `${API}/endorsement`, {
      decision: sam,
      version: 1,
      description: "The agencies' shared view.",
    });
    expect(res.status).toBe(201);
    const { sha256 } = (await res.json()).data;
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "NASA"));
    const json = await member.json("GET", `${API}/consensus-record`);
    expect(json.status).toBe(200);
    const r = (await json.json()).data;
    expect(r).toMatchObject({ version: 1, sha256, round: { number: 1, version: 1 } });
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.agencies).toEqual([
      expect.objectContaining({ agency: "ESA", position: "concur", bySilence: false }),
      expect.objectContaining({ agency: "JAXA", position: "concur_with_comments", bySilence: false }),
      expect.objectContaining({ agency: "NASA", position: "abstain", bySilence: true, givenAt: null }),
    ]);
    expect(r.comments).toMatchObject({ total: 2, byDisposition: { accepted: 2, rejected: 0 } });
    expect(r.decision).toMatchObject({ number: 99 });
    const page = await (await member.get(`${P}/record`)).text();
    expect(page).toContain(sha256);
    expect(page).toContain("Concur with comments");
    expect(page).toContain("Accepted: 2");
    expect(page).toContain("D99");
    const visitor = await browser(t.deps, t.app);
    const pub = await (await visitor.get(`/publications/${r.publication.slug}`)).text();
    expect(pub).toContain(`${P}/record`);
    expect(pub).toContain(sha256);
    expect((await visitor.json("GET", `${API}/consensus-record`)).status).toBe(401);
    expect((await visitor.get(`${P}/record`)).status).toBe(303);
  });
});
