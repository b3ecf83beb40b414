import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetingDecisions } from "../../src/db/schema/index.js";
import { dispositionComment } from "../../src/features/products/comments/comments.service.js";
import { systemActor } from "../../src/http/actor.js";
import { browser, makePerson } from "../support/actors.js";
import { decisionAt, reviewedProduct } from "../support/consensus.js";
import { useTestDatabase } from "../support/database.js";

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const P = "/private/products/lunar-white-paper";

describe("words, not codes", { timeout: 60_000 }, () => {
  it("the history says positions, dispositions and counts in words with the right plural", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const { product, round } = await reviewedProduct(
      t.deps,
      {
        ESA: { position: "concur_with_comments" },
        JAXA: { position: "non_concur", rationale: "Too vague." },
      },
      {
        close: () => {
          clock = new Date("2031-02-02T12:00:00Z");
        },
      },
    );
    await dispositionComment(t.deps, systemActor("test"), product, round, 1, {
      disposition: "accepted_with_changes",
      rationale: "Reworded.",
    });
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const html = await (await sec.get(`${P}/history`)).text();
    for (const code of ["non_concur", "concur_with_comments", "accepted_with_changes", "1 comments"]) {
      expect(html).not.toContain(code);
    }
    expect(html).toContain("JAXA&#39;s position in round 1 of Lunar Surface White Paper: Non-concur");
    expect(html).toContain(
      "ESA&#39;s position in round 1 of Lunar Surface White Paper: Concur with comments",
    );
    expect(html).toContain("Comment 1 of round 1: accepted with changes");
    expect(html).toContain("<ins>Accepted with changes</ins>");
    expect(html).toContain("submitted 1 comment in round 1");
  });

  it("the endorsing decisions are listed as plain text, not raw Markdown", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    await reviewedProduct(
      t.deps,
      { ESA: { position: "concur" } },
      {
        dispose: true,
        close: () => {
          clock = new Date("2031-02-02T12:00:00Z");
        },
      },
    );
    const id = await decisionAt(t.deps, "sam_meeting");
    await t.deps.db
      .update(meetingDecisions)
      .set({ text: "The SAM **endorses** the [white paper](https://example.org/wp)." })
      .where(eq(meetingDecisions.id, id));
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const html = await (await sec.get(`${P}/endorsement`)).text();
    expect(html).toContain("D99: The SAM endorses the white paper.");
    expect(html).not.toContain("**endorses**");
  });
});
