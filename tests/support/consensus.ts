import { and, eq } from "drizzle-orm";
import { meetingDecisions, meetings, reviewRounds } from "../../src/db/schema/index.js";
import type { Deps } from "../../src/deps.js";
import {
  createComment,
  dispositionComment,
  submitComments,
} from "../../src/features/products/comments/comments.service.js";
import { setPosition } from "../../src/features/products/positions/positions.service.js";
import { findProductBySlug } from "../../src/features/products/products.queries.js";
import { createProduct, createVersion } from "../../src/features/products/products.service.js";
import { currentRound } from "../../src/features/products/rounds/rounds.service.js";
import { systemActor } from "../../src/http/actor.js";
import { makePerson } from "./actors.js";
import { makeProduct, makeRound, V1 } from "./products.js";

type Answer = { position: "concur" | "concur_with_comments" | "non_concur" | "abstain"; rationale?: string };

/**
 * "lunar-white-paper" reviewed in round 1 by ESA, JAXA and NASA (deadline 2031-02-01): each agency
 * in `answers` submits one comment (JAXA's is major) and sets its position. The caller's clock
 * decides whether the round is still open; `close` moves it past the deadline.
 */
export async function reviewedProduct(
  deps: Deps,
  answers: Record<string, Answer>,
  opts: { dispose?: boolean; close: () => void },
) {
  await makeProduct(deps);
  await makeRound(deps, "lunar-white-paper", {
    deadline: "2031-02-01T12:00",
    agencies: ["ESA", "JAXA", "NASA"],
  });
  const product = (await findProductBySlug(deps.db, "lunar-white-paper"))!;
  for (const [agency, answer] of Object.entries(answers)) {
    const focal = await makePerson(deps, ["member", "focal_point"], agency);
    const round = await currentRound(deps, product.id, 1);
    await createComment(deps, focal, product, round, {
      section: "landing-sites",
      category: agency === "JAXA" ? "major" : "technical",
      text: `${agency}: name the landing sites.`,
      proposedFrom: "is preferred",
      proposedTo: "=SUM(A1) is preferred",
    });
    await submitComments(deps, focal, product, round);
    await setPosition(deps, focal, product, round, answer);
  }
  opts.close();
  const round = await currentRound(deps, product.id, 1);
  if (opts.dispose) {
    for (let n = 1; n <= Object.keys(answers).length; n++) {
      await dispositionComment(deps, systemActor("test"), product, round, n, { disposition: "accepted" });
    }
  }
  return { product, round };
}

/** Records decision D1 at a seeded meeting of the given kind and returns its id. */
export async function decisionAt(deps: Deps, kind: "sam_meeting" | "workshop"): Promise<number> {
  const [meeting] = await deps.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.kind, kind)))
    .limit(1);
  const [row] = await deps.db
    .insert(meetingDecisions)
    .values({ meetingId: meeting!.id, number: 99, text: "The forum endorses the lunar surface white paper." })
    .returning();
  return row!.id;
}

/**
 * The access matrix's "matrix-endorsable": a product whose round 1 closed with ESA and NASA
 * concurring, ready to be endorsed; returns the id of a SAM decision to endorse it with.
 */
export async function makeEndorsableProduct(deps: Deps): Promise<number> {
  const system = systemActor("test");
  await createProduct(deps, system, {
    title: "Matrix Endorsable",
    slug: "matrix-endorsable",
    kind: "white_paper",
    leadGroup: "twg",
    agencies: ["ESA", "NASA"],
  });
  await createVersion(deps, system, "matrix-endorsable", { body: V1 });
  const { product, round } = await makeRound(deps, "matrix-endorsable");
  for (const agency of ["ESA", "NASA"]) {
    const focal = await makePerson(deps, ["member", "focal_point"], agency);
    await setPosition(deps, focal, product, round, { position: "concur" });
  }
  // The round's deadline passes: what the review clock does at the deadline.
  await deps.db
    .update(reviewRounds)
    .set({ status: "closed", closedAt: deps.now(), deadline: deps.now() })
    .where(eq(reviewRounds.id, round.id));
  return decisionAt(deps, "sam_meeting");
}
