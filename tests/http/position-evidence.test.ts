import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reviewPositions } from "../../src/db/schema/index.js";
import { setPosition } from "../../src/features/products/positions/positions.service.js";
import { currentRound } from "../../src/features/products/rounds/rounds.service.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { makePdf } from "../support/pdf.js";
import { chairOf, makeProduct, makeRound } from "../support/products.js";

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const R = "/private/products/lunar-white-paper/rounds/1";

/** Round 1 (positions hidden until it closes) with JAXA's concur recorded by the secretariat from a letter. */
async function setup() {
  clock = new Date("2031-01-10T12:00:00Z");
  const chair = await makePerson(t.deps, ["member", "chair"], "NASA");
  await makeProduct(t.deps);
  await chairOf(t.deps, chair.id);
  const { product, round } = await makeRound(t.deps, "lunar-white-paper", { deadline: "2031-02-01T12:00" });
  const secretariat = await makePerson(t.deps, ["secretariat"], null);
  const bytes = new Uint8Array(await makePdf(["JAXA concurs. Letter of 8 January 2031."]));
  await setPosition(
    t.deps,
    secretariat,
    product,
    round,
    { agency: "JAXA", position: "concur" },
    { name: "jaxa-letter.pdf", type: "application/pdf", bytes },
  );
  const [row] = await t.deps.db.select().from(reviewPositions).where(eq(reviewPositions.roundId, round.id));
  const as = async (roles: Parameters<typeof makePerson>[1], agency: string | null) =>
    browser(t.deps, t.app, await makePerson(t.deps, roles, agency));
  return {
    bytes,
    url: `${R}/positions/${row!.id}/evidence`,
    product,
    jaxa: await as(["member", "focal_point"], "JAXA"),
    esa: await as(["member", "focal_point"], "ESA"),
    sec: await browser(t.deps, t.app, secretariat),
    chair: await browser(t.deps, t.app, chair),
  };
}

describe("the evidence file of a position recorded on an agency's behalf", { timeout: 60_000 }, () => {
  it("its agency, the secretariat and the lead group's chair download it; the round page links it", async () => {
    const s = await setup();
    for (const b of [s.jaxa, s.sec, s.chair]) {
      const res = await b.get(s.url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toMatch(/^attachment;.*jaxa-letter\.pdf/);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(s.bytes);
    }
    expect(await (await s.jaxa.get(R)).text()).toContain(`href="${s.url}"`);
  });

  it("another agency cannot while positions are hidden, a visitor is sent to sign in; after the close members can", async () => {
    const s = await setup();
    expect((await s.esa.get(s.url)).status).toBe(403);
    expect(await (await s.esa.get(R)).text()).not.toContain(s.url);
    const visitor = await browser(t.deps, t.app);
    const res = await visitor.get(s.url);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/sign-in\?next=/);
    clock = new Date("2031-02-02T12:00:00Z");
    await currentRound(t.deps, s.product.id, 1);
    // A fresh session: the first one has expired over three weeks.
    const esaMember = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    expect((await esaMember.get(s.url)).status).toBe(200);
  });

  it("a position without a file has nothing to download", async () => {
    const s = await setup();
    expect((await s.sec.get(`${R}/positions/999/evidence`)).status).toBe(404);
  });
});
