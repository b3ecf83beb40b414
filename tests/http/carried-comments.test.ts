import { describe, expect, it } from "vitest";
import { systemActor } from "../../src/features/auth/actor.js";
import { addVersion } from "../../src/features/products/products.service.js";
import { browser, makePerson } from "../support/actors.js";
import { reviewedProduct } from "../support/consensus.js";
import { useTestDatabase } from "../support/database.js";
import { V2 } from "../support/products.js";

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const P = "/private/products/lunar-white-paper";

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
    await addVersion(t.deps, systemActor("test"), "lunar-white-paper", { body: V2 });
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "NASA"));
    expect(await (await member.get(`${P}/versions/2`)).text()).toContain(`${P}/versions/2/carried`);
    const html = await (await member.get(`${P}/versions/2/carried`)).text();
    expect(html).toContain("2 open comments");
    expect(html).toContain("Comment 2 of round 1");
    expect(html).toContain("Text changed");
    expect(html).toContain("The south polar region is preferred.");
    expect(html).toContain("The south polar region and Shackleton crater are preferred.");
    const visitor = await browser(t.deps, t.app);
    expect((await visitor.get(`${P}/versions/2/carried`)).status).toBe(303);
  });
});
