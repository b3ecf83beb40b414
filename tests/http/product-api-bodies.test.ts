import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  editorialConfirmations,
  outbox,
  products,
  publications,
  reviewComments,
  reviewDeferrals,
  reviewPositions,
  reviewRounds,
} from "../../src/db/schema/index.js";
import { createComment, dispositionComment } from "../../src/features/products/comments/comments.service.js";
import { createVersion } from "../../src/features/products/products.service.js";
import { currentRound } from "../../src/features/products/rounds/rounds.service.js";
import { systemActor } from "../../src/http/actor.js";
import { browser, makePerson } from "../support/actors.js";
import { reviewedProduct } from "../support/consensus.js";
import { useTestDatabase } from "../support/database.js";
import { makeComment, makeProduct, makeRound, V2 } from "../support/products.js";

// The product bodies of the API are parsed by the use cases after their policy (decision 0007):
// a bad body gets the form's field messages and changes nothing, and someone without the right gets
// 403 whatever they send, before any field error.

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const API = "/api/v1/products/lunar-white-paper";
const R = `${API}/rounds/1`;
type Client = Awaited<ReturnType<typeof browser>>;

/** Everything these routes could write, to show that a refused request wrote nothing. */
async function written() {
  const db = t.deps.db;
  const [audits] = await db.select({ n: count() }).from(auditLog);
  const [mails] = await db.select({ n: count() }).from(outbox);
  return {
    products: await db.select().from(products),
    rounds: await db.select().from(reviewRounds),
    comments: await db.select().from(reviewComments),
    positions: await db.select().from(reviewPositions),
    deferrals: await db.select().from(reviewDeferrals),
    editorial: await db.select().from(editorialConfirmations),
    publications: await db.select().from(publications),
    audits: audits!.n,
    mails: mails!.n,
  };
}

type Bad = { body: unknown; fields: Record<string, string> };
type Case = { method: string; path: string; allowed: Client; bad: Bad[]; wrong: Client; forbidden: string };

/** Each bad body is a 422 naming its fields with the use case's messages; the wrong role gets 403 first. */
async function refusesBadBodiesAfterItsPolicy(c: Case) {
  const before = await written();
  for (const { body, fields } of c.bad) {
    const res = await c.allowed.json(c.method, c.path, body);
    expect(res.status, await res.clone().text()).toBe(422);
    const { error } = await res.json();
    expect(error.message).toBe("Please correct the highlighted fields.");
    for (const [field, message] of Object.entries(fields)) expect(error.fields[field]).toContain(message);
    const denied = await c.wrong.json(c.method, c.path, body);
    expect(denied.status, await denied.clone().text()).toBe(403);
    expect((await denied.json()).error.message).toBe(c.forbidden);
  }
  expect(await written()).toEqual(before);
}

/** Round 1 of "lunar-white-paper" open: JAXA's comment 1 submitted and rejected, ESA's comment 2 a draft. */
async function openRoundWithComments() {
  clock = new Date("2031-01-10T12:00:00Z");
  const chair = await makePerson(t.deps, ["member", "chair"], "NASA");
  await makeProduct(t.deps, { chairId: chair.id });
  const { product } = await makeRound(t.deps, "lunar-white-paper", {
    deadline: "2031-02-01T12:00",
    agencies: ["ESA", "JAXA", "NASA"],
  });
  const jaxa = await makeComment(t.deps, "lunar-white-paper", "JAXA", { submit: true });
  await dispositionComment(
    t.deps,
    systemActor("test"),
    product,
    await currentRound(t.deps, product.id, 1),
    1,
    {
      disposition: "rejected",
      rationale: "Out of the paper's scope.",
    },
  );
  const esaMember = await makePerson(t.deps, ["member"], "ESA");
  await createComment(t.deps, esaMember, product, await currentRound(t.deps, product.id, 1), {
    section: "purpose",
    category: "editorial",
    text: "A draft of ESA's.",
  });
  const as = (p: Parameters<typeof browser>[2]) => browser(t.deps, t.app, p);
  return {
    chair: await as(chair),
    sec: await as(await makePerson(t.deps, ["secretariat"], null)),
    esaMember: await as(esaMember),
    esaFocal: await as(await makePerson(t.deps, ["member", "focal_point"], "ESA")),
    jaxaFocal: await as(jaxa.author),
  };
}

describe("product API bodies in an open round", { timeout: 60_000 }, () => {
  it("opening a round: bad fields are 422 and open nothing; an agency's focal point gets 403 first", async () => {
    const s = await openRoundWithComments();
    await refusesBadBodiesAfterItsPolicy({
      method: "POST",
      path: `${API}/rounds`,
      allowed: s.chair,
      bad: [
        {
          body: { version: "latest", deadline: 20310301 },
          fields: { version: "Choose the version.", deadline: "Enter the deadline." },
        },
        { body: { deadline: "2031-03-01T12:00" }, fields: { version: "Choose the version." } },
      ],
      wrong: s.esaFocal,
      forbidden: "Only the secretariat and the lead group's chairs open rounds.",
    });
  });

  it("writing a comment: bad fields are 422 and write nothing; the secretariat gets 403 first", async () => {
    const s = await openRoundWithComments();
    await refusesBadBodiesAfterItsPolicy({
      method: "POST",
      path: `${R}/comments`,
      allowed: s.esaMember,
      bad: [
        {
          body: { section: "purpose", category: "typo", text: 42 },
          fields: { category: "Choose editorial, technical or major.", text: "Write the comment." },
        },
        { body: { category: "technical", text: "No section." }, fields: { section: "Choose the section." } },
      ],
      wrong: s.sec,
      forbidden: "Only members of the agencies taking part in this round can comment.",
    });
  });

  it("changing a draft comment: bad fields are 422 and change nothing; another agency gets 403 first", async () => {
    const s = await openRoundWithComments();
    await refusesBadBodiesAfterItsPolicy({
      method: "PATCH",
      path: `${R}/comments/2`,
      allowed: s.esaMember,
      bad: [
        {
          body: { section: "purpose", category: "technical", text: ["a"] },
          fields: { text: "Write the comment." },
        },
        { body: { section: "purpose", category: "technical" }, fields: { text: "Write the comment." } },
      ],
      wrong: s.jaxaFocal,
      forbidden: "Only its author and their agency's focal points can change it.",
    });
  });

  it("a disposition: bad fields are 422 and keep the one given; a focal point gets 403 first", async () => {
    const s = await openRoundWithComments();
    await refusesBadBodiesAfterItsPolicy({
      method: "PUT",
      path: `${R}/comments/1/disposition`,
      allowed: s.chair,
      bad: [
        { body: { disposition: "maybe" }, fields: { disposition: "Choose a disposition." } },
        { body: { disposition: "noted", rationale: 7 }, fields: { rationale: "expected string" } },
        {
          body: { disposition: "rejected" },
          fields: { rationale: "Give the rationale for rejecting the comment." },
        },
      ],
      wrong: s.esaFocal,
      forbidden: "Only the secretariat and the lead group's chairs give dispositions.",
    });
  });

  it("answering a disposition: bad fields are 422 and record nothing; another agency gets 403 first", async () => {
    const s = await openRoundWithComments();
    await refusesBadBodiesAfterItsPolicy({
      method: "PUT",
      path: `${R}/comments/1/response`,
      allowed: s.jaxaFocal,
      bad: [
        {
          body: { response: "perhaps" },
          fields: { response: "Choose whether your agency accepts or contests it." },
        },
        { body: { response: "contested", note: 5 }, fields: { note: "expected string" } },
        {
          body: { response: "contested" },
          fields: { note: "Say why your agency contests the disposition." },
        },
      ],
      wrong: s.esaFocal,
      forbidden: "Only the focal points of the agency that wrote the comment answer its disposition.",
    });
  });

  it("a position: bad fields are 422 and record nothing; a member who is not a focal point gets 403 first", async () => {
    const s = await openRoundWithComments();
    await refusesBadBodiesAfterItsPolicy({
      method: "POST",
      path: `${R}/positions`,
      allowed: s.esaFocal,
      bad: [
        {
          body: { position: "yes", comments: "abc" },
          fields: { position: "Choose a position.", comments: "List comment numbers, e.g. 14, 31." },
        },
        { body: { rationale: "No position given." }, fields: { position: "Choose a position." } },
      ],
      wrong: s.esaMember,
      forbidden: "Only the focal points of a participating agency set its position.",
    });
  });

  it("closing early: a bad or missing reason is 422 and the round stays open; a focal point gets 403 first", async () => {
    const s = await openRoundWithComments();
    await refusesBadBodiesAfterItsPolicy({
      method: "POST",
      path: `${R}/closure`,
      allowed: s.sec,
      bad: [
        { body: { reason: 42 }, fields: { reason: "expected string" } },
        { body: {}, fields: { reason: "give the reason for closing now (at least 10 characters)" } },
      ],
      wrong: s.esaFocal,
      forbidden: "Only the secretariat and the lead group's chairs close rounds.",
    });
  });

  it("a deadline extension: bad fields are 422, the deadline stays and nobody is mailed; a focal point gets 403 first", async () => {
    const s = await openRoundWithComments();
    await refusesBadBodiesAfterItsPolicy({
      method: "POST",
      path: `${R}/deadline-extensions`,
      allowed: s.chair,
      bad: [
        {
          body: { deadline: 20310301, reason: "short" },
          fields: {
            deadline: "Enter the new deadline.",
            reason: "Give the reason (at least 10 characters).",
          },
        },
        { body: { deadline: "2031-03-01T12:00" }, fields: { reason: "Give the reason." } },
      ],
      wrong: s.esaFocal,
      forbidden: "Only the secretariat and the lead group's chairs move a round's deadline.",
    });
  });

  it("a deferral: a bad or missing reason is 422 and defers nothing; a member who is not a focal point gets 403 first", async () => {
    const s = await openRoundWithComments();
    await refusesBadBodiesAfterItsPolicy({
      method: "POST",
      path: `${R}/deferrals`,
      allowed: s.esaFocal,
      bad: [
        { body: { reason: 42 }, fields: { reason: "Give the reason." } },
        { body: {}, fields: { reason: "Give the reason." } },
      ],
      wrong: s.esaMember,
      forbidden: "Only the focal points of a participating agency ask for its deferral.",
    });
  });
});

/** Round 1 closed with consensus on version 1, then version 2 added (so editorial-only may be recorded). */
async function agreedThenChanged() {
  clock = new Date("2031-01-10T12:00:00Z");
  const answers = { ESA: { position: "concur" }, JAXA: { position: "concur" } } as const;
  await reviewedProduct(t.deps, answers, {
    dispose: true,
    close: () => {
      clock = new Date("2031-02-02T12:00:00Z");
    },
  });
  await createVersion(t.deps, systemActor("test"), "lunar-white-paper", {
    body: V2,
    note: "Accepted changes",
  });
  return {
    sec: await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null)),
    esaFocal: await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA")),
  };
}

describe("product API bodies after the round", { timeout: 60_000 }, () => {
  it("an editorial-only record: bad fields are 422 and record nothing; a focal point gets 403 first", async () => {
    const s = await agreedThenChanged();
    await refusesBadBodiesAfterItsPolicy({
      method: "POST",
      path: `${API}/editorial-confirmations`,
      allowed: s.sec,
      bad: [
        {
          body: { from: "one", reason: 5 },
          fields: {
            from: "Choose the agreed version.",
            to: "Choose the later version.",
            reason: "Say why the changes are editorial only.",
          },
        },
      ],
      wrong: s.esaFocal,
      forbidden: "Only the secretariat and the lead group's chairs record editorial-only changes.",
    });
  });

  it("an endorsement: bad fields are 422 and publish nothing; a focal point gets 403 first", async () => {
    const s = await agreedThenChanged();
    await refusesBadBodiesAfterItsPolicy({
      method: "POST",
      path: `${API}/endorsement`,
      allowed: s.sec,
      bad: [
        {
          body: { decision: "D1", description: 5 },
          fields: {
            decision: "Choose the SAM meeting decision that endorses the product.",
            version: "Name the version to endorse.",
            description: "Describe the publication in a sentence or two.",
          },
        },
      ],
      wrong: s.esaFocal,
      forbidden: "Only the secretariat endorses and publishes products.",
    });
  });

  it("a visitor sending a bad body to any of these routes is asked to sign in (401), not told about fields", async () => {
    await agreedThenChanged();
    const routes = [
      ["POST", `${API}/rounds`],
      ["POST", `${R}/comments`],
      ["PATCH", `${R}/comments/1`],
      ["PUT", `${R}/comments/1/disposition`],
      ["PUT", `${R}/comments/1/response`],
      ["POST", `${R}/positions`],
      ["POST", `${R}/closure`],
      ["POST", `${R}/deadline-extensions`],
      ["POST", `${R}/deferrals`],
      ["POST", `${API}/editorial-confirmations`],
      ["POST", `${API}/endorsement`],
    ] as const;
    for (const [method, path] of routes) {
      const res = await t.app.request(path, {
        method,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version: "x", section: 1, position: [], reason: 2, decision: "D1" }),
      });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });
});
