import { eq, notInArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  actionItems,
  agendaItems,
  inboxDeliveries,
  inboxMessages,
  meetingRegistrations,
  meetings,
  missionProposals,
  missions,
  organisations,
  technologies,
  technologyCapabilities,
} from "../../src/db/schema/index.js";
import { countStatements } from "../../src/db/statement-count.js";
import type { Person } from "../../src/http/actor.js";
import { makeMatrixAction } from "../support/actions.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { makeMatrixInput } from "../support/inbox.js";
import { makeMatrixMeeting } from "../support/meetings.js";
import { makeMatrixProposal } from "../support/missions.js";
import { makeComment, makeProduct, makeRound } from "../support/products.js";

const t = useTestDatabase();

/**
 * The most used signed-in pages and API reads, with the most SQL statements each may send once the
 * shared reference data (forum settings, organisations) is in memory. Raise a budget only with the
 * reason in the commit: a new query the page needs, never a query per row (see docs/conventions.md).
 */
const pages: Array<{ path: string; budget: number; grows?: string }> = [
  { path: "/private", budget: 13, grows: "Budget message" },
  { path: "/private/missions", budget: 4, grows: "Budget mission" },
  { path: "/private/missions/:mission/edit", budget: 5 },
  { path: "/private/missions/proposals", budget: 5, grows: "Budget proposer" },
  { path: "/private/actions", budget: 5, grows: "Budget action" },
  { path: "/private/products", budget: 3, grows: "budget-product-20" },
  { path: "/private/products/budget-product", budget: 6 },
  { path: "/private/products/budget-product/rounds/1", budget: 9 },
  { path: "/private/technology/gaps", budget: 6 },
  { path: "/private/meetings", budget: 2, grows: "Budget meeting" },
  { path: "/private/meetings/matrix-meeting", budget: 9, grows: "Item 20" },
  { path: "/private/inbox", budget: 4, grows: "Budget message" },
  { path: "/api/v1/missions", budget: 4, grows: "Budget mission" },
  { path: "/api/v1/actions", budget: 3, grows: "Budget action" },
];

/**
 * ESA's focal point with something on every page: a product in review, an action, a meeting, a
 * message, a proposal on one of ESA's missions.
 */
async function focalPointWithWork() {
  const fp = await makePerson(t.deps, ["member", "focal_point"], "ESA");
  await makeProduct(t.deps, { slug: "budget-product", agencies: ["ESA", "JAXA", "NASA"] });
  await makeRound(t.deps, "budget-product");
  await makeComment(t.deps, "budget-product", "ESA");
  await makeMatrixAction(t.deps);
  await makeMatrixMeeting(t.deps, fp);
  await makeMatrixInput(t.deps);
  await makeMatrixProposal(t.deps);
  const [esa] = await t.deps.db.select().from(organisations).where(eq(organisations.acronym, "ESA"));
  const [mission] = await t.deps.db.select().from(missions).where(eq(missions.leadOrganisationId, esa!.id));
  return { fp, esaId: esa!.id, mission: mission!.slug };
}

/**
 * Each page's statement count, asked twice: the first request fills the in-memory reference data,
 * and the second is counted.
 */
async function measure(fp: Person, mission: string) {
  const b = await browser(t.deps, t.app, fp);
  const counts: Record<string, { count: number; statements: string[]; body: string }> = {};
  for (const { path } of pages) {
    const url = path.replace(":mission", mission);
    await b.get(url);
    // Signed-in pages are kept for up to a minute: the counted request must build the page, with
    // only the reference data in memory.
    t.deps.cache.invalidateSignedIn();
    const { count, statements, result } = await countStatements(() => b.get(url));
    const body = await result.text();
    expect(result.status, `${url}: ${body}`).toBe(200);
    counts[path] = { count, statements, body };
  }
  return counts;
}

/** Twenty more of everything the pages list. */
async function addTwentyOfEach(esaId: number) {
  const db = t.deps.db;
  const k20 = Array.from({ length: 20 }, (_, k) => k + 1);
  const budgetMissions = await db
    .insert(missions)
    .values(
      k20.map((k) => ({
        slug: `budget-mission-${k}`,
        name: `Budget mission ${k}`,
        leadOrganisationId: esaId,
        destination: "lunar_surface" as const,
        status: "funded" as const,
        // Launched before every shipped mission, so they are on the first page of the list.
        launchOn: "1960-01-01",
        launchPrecision: "year" as const,
        updatedAt: new Date("2020-01-01"),
      })),
    )
    .returning();
  await db.insert(missionProposals).values(
    budgetMissions.map((m, k) => ({
      missionId: m.id,
      proposedByName: `Budget proposer ${k + 1}`,
      agencyAcronym: "NASA",
      proposed: { name: `${m.name}, renamed` },
    })),
  );
  await db.insert(actionItems).values(
    k20.map((k) => ({
      number: 9100 + k,
      title: `Budget action ${k}`,
      ownerOrganisationId: esaId,
      dueOn: "2031-02-01",
    })),
  );
  for (const k of k20) {
    await makeProduct(t.deps, { slug: `budget-product-${k}`, agencies: ["ESA", "NASA"] });
    if (k % 2) await makeRound(t.deps, `budget-product-${k}`);
  }
  for (const k of k20)
    await makeComment(t.deps, "budget-product", k % 2 ? "ESA" : "NASA", { submit: k === 20 });
  const [meeting] = await db.select().from(meetings).where(eq(meetings.slug, "matrix-meeting"));
  await db
    .insert(agendaItems)
    .values(k20.map((k) => ({ meetingId: meeting!.id, position: 1 + k, title: `Item ${k}` })));
  for (const k of k20) {
    const person = await makePerson(t.deps, ["member"], k % 2 ? "ESA" : "NASA");
    await db
      .insert(meetingRegistrations)
      .values({ meetingId: meeting!.id, personId: person.id, attendance: "virtual" });
  }
  await db.insert(meetings).values(
    k20.map((k) => ({
      slug: `budget-meeting-${k}`,
      title: `Budget meeting ${k}`,
      kind: "workshop" as const,
      startsAt: new Date(`2031-0${1 + (k % 9)}-0${1 + (k % 9)}T09:00Z`),
      endsAt: new Date(`2031-0${1 + (k % 9)}-0${1 + (k % 9)}T17:00Z`),
      timeZone: "UTC",
      mode: "virtual" as const,
    })),
  );
  const messages = await db
    .insert(inboxMessages)
    .values(
      k20.map((k) => ({
        reference: `IN-2030-${String(9000 + k)}`,
        status: "forwarded" as const,
        senderName: `Sender ${k}`,
        senderEmail: `sender${k}@example.edu`,
        senderKind: "university" as const,
        topic: "science",
        subject: `Budget message ${k}`,
        body: "A question.",
        consent: true,
        confirmedAt: t.deps.now(),
        forwardedAt: t.deps.now(),
      })),
    )
    .returning();
  await db
    .insert(inboxDeliveries)
    .values(messages.map((m) => ({ messageId: m.id, organisationId: esaId, forwardedAt: t.deps.now() })));
  const mine = db
    .select({ id: technologyCapabilities.technologyId })
    .from(technologyCapabilities)
    .where(eq(technologyCapabilities.organisationId, esaId));
  const free = await db.select().from(technologies).where(notInArray(technologies.id, mine)).limit(20);
  await db.insert(technologyCapabilities).values(
    free.map((tech) => ({
      technologyId: tech.id,
      organisationId: esaId,
      currentTrl: 3,
      targetTrl: 6,
      targetDate: "2032-01-01",
    })),
  );
}

describe("query budget: a signed-in page sends a bounded number of SQL statements", () => {
  it("each page answers within its budget", async () => {
    const { fp, mission } = await focalPointWithWork();
    const counts = await measure(fp, mission);
    for (const { path, budget } of pages) {
      const { count, statements } = counts[path]!;
      expect(count, `${path} sent ${count}:\n${statements.join("\n")}`).toBeLessThanOrEqual(budget);
    }
  });

  it("the count does not grow with the data (no query per row)", async () => {
    const { fp, esaId, mission } = await focalPointWithWork();
    const before = await measure(fp, mission);
    await addTwentyOfEach(esaId);
    // The rows went in directly, not through write(): drop what is kept in memory, as write() does.
    t.deps.cache.invalidate();
    const after = await measure(fp, mission);
    for (const { path, grows } of pages) {
      const a = after[path]!;
      // The page does list the new rows, so an unchanged count means no statement per row.
      if (grows) expect(before[path]!.body, path).not.toContain(grows);
      if (grows) expect(a.body, path).toContain(grows);
      expect(a.count, `${path} sent ${a.count} with twenty more rows:\n${a.statements.join("\n")}`).toBe(
        before[path]!.count,
      );
    }
  });
});
