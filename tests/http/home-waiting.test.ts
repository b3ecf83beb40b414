import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  actionItems,
  groupDeliverables,
  meetings,
  missions,
  organisations,
  workingGroups,
} from "../../src/db/schema/index.js";
import { listFactsToVerify } from "../../src/features/facts/facts.queries.js";
import { recordReceipt } from "../../src/features/inbox/agency.service.js";
import { forwardToAgencies } from "../../src/features/inbox/forward.service.js";
import { setPosition } from "../../src/features/products/positions/positions.service.js";
import { currentRound } from "../../src/features/products/rounds/rounds.service.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { makeConfirmedInput } from "../support/inbox.js";
import { makeComment, makeProduct, makeRound } from "../support/products.js";

const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const t = useTestDatabase({ now: () => NOW });
const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 16);
const day = (offset: number) => new Date(NOW.getTime() + offset * DAY).toISOString().slice(0, 10);
const R = "/private/products/lunar-white-paper/rounds/1";

const orgId = async (acronym: string) =>
  (await t.deps.db.select().from(organisations).where(eq(organisations.acronym, acronym)))[0]!.id;

/** Round 1 open on the white paper (ESA, JAXA, NASA) for five more days; JAXA answered; NASA submitted a comment. */
async function fixtures() {
  const chair = await makePerson(t.deps, ["member", "chair"], "CNES");
  const product = await makeProduct(t.deps, { chairId: chair.id });
  await makeRound(t.deps, "lunar-white-paper", {
    deadline: iso(new Date(NOW.getTime() + 5 * DAY)),
    agencies: ["ESA", "JAXA", "NASA"],
  });
  const jaxaFocal = await makePerson(t.deps, ["member", "focal_point"], "JAXA");
  await setPosition(t.deps, jaxaFocal, product, await currentRound(t.deps, product.id, 1), {
    position: "concur",
  });
  await makeComment(t.deps, "lunar-white-paper", "NASA", { submit: true });
  const esaMember = await makePerson(t.deps, ["member"], "ESA");
  const { author: esaAuthor } = await makeComment(t.deps, "lunar-white-paper", "ESA", { text: "Draft." });
  await t.deps.db.insert(actionItems).values([
    {
      number: 501,
      title: "Send the ESA mission list",
      ownerOrganisationId: await orgId("ESA"),
      dueOn: day(-3),
    },
    { number: 502, title: "Review the glossary", ownerOrganisationId: await orgId("ESA"), dueOn: day(20) },
    { number: 503, title: "A JAXA task", ownerOrganisationId: await orgId("JAXA"), dueOn: day(-1) },
  ]);
  return {
    chair: await browser(t.deps, t.app, chair),
    esaMember: await browser(t.deps, t.app, esaMember),
    esaFocal: await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA")),
    esaAuthor: await browser(t.deps, t.app, esaAuthor),
    jaxaMember: await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "JAXA")),
    sec: await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null)),
    csa: await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "CSA")),
  };
}

/** The items of one list on the home page, in order (their link text). */
async function list(b: { get: (p: string) => Promise<Response> | Response }, id: string): Promise<string[]> {
  const html = await (await b.get("/private")).text();
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return ["(no list)"];
  const section = html.slice(start, html.indexOf("</section>", start));
  return [...section.matchAll(/<li[^>]*><a href="[^"]*">([^<]*)<\/a>/g)].map((m) =>
    m[1]!.replace(/&#39;/g, "'"),
  );
}

describe("the private home: what is waiting on me", { timeout: 60_000 }, () => {
  it("an ESA member sees the agency's open round with days left and the agency's actions, overdue first", async () => {
    const { esaMember } = await fixtures();
    expect(await list(esaMember, "waiting-mine")).toEqual([
      "Action 501: Send the ESA mission list",
      "Review round 1 of Lunar Surface White Paper: ESA has no position yet",
      "Action 502: Review the glossary",
    ]);
    const html = await (await esaMember.get("/private")).text();
    expect(html).toContain("5 days left");
    expect(html).toContain(`href="${R}"`);
    expect(html).toContain("Overdue since");
    expect(html).not.toContain('id="waiting-secretariat"');
  });

  it("the author of a draft sees it; a focal point sees the agency's drafts to submit; other agencies see neither", async () => {
    const { esaAuthor, esaFocal, jaxaMember } = await fixtures();
    expect(await list(esaAuthor, "waiting-mine")).toContain(
      "1 comment draft not submitted in round 1 of Lunar Surface White Paper",
    );
    expect(await list(esaFocal, "waiting-mine")).toContain(
      "1 comment draft not submitted in round 1 of Lunar Surface White Paper",
    );
    const jaxa = await list(jaxaMember, "waiting-mine");
    expect(jaxa).toEqual(["Action 503: A JAXA task"]);
  });

  it("a focal point also sees partners' proposals and missions not updated for a year", async () => {
    const { esaFocal } = await fixtures();
    const [mission] = await t.deps.db
      .update(missions)
      .set({ updatedAt: new Date(NOW.getTime() - 400 * DAY) })
      .where(eq(missions.leadOrganisationId, await orgId("ESA")))
      .returning();
    const items = await list(esaFocal, "waiting-mine");
    expect(items.some((i) => i.startsWith("Mission ") && i.endsWith("not updated for over a year"))).toBe(
      true,
    );
    expect(mission).toBeDefined();
  });

  it("meetings open for registration are listed until the person registers", async () => {
    const { csa } = await fixtures();
    await t.deps.db.insert(meetings).values({
      slug: "home-test-sam",
      kind: "sam_meeting",
      title: "Home test SAM",
      startsAt: new Date(NOW.getTime() + 20 * DAY),
      endsAt: new Date(NOW.getTime() + 21 * DAY),
      timeZone: "UTC",
      mode: "virtual",
      createdAt: new Date(NOW.getTime() - 2 * DAY),
    });
    expect(await list(csa, "waiting-mine")).toEqual(["Registration is open: Home test SAM"]);
  });

  it("someone with nothing to do is told so", async () => {
    const { csa } = await fixtures();
    const html = await (await csa.get("/private")).text();
    expect(html).toContain("Nothing is waiting on you.");
  });

  it("the secretariat sees rounds about to close with who has not answered, overdue actions by agency, and comments to answer", async () => {
    const { sec } = await fixtures();
    const items = await list(sec, "waiting-secretariat");
    expect(items).toEqual([
      "Action 501 (ESA) is overdue: Send the ESA mission list",
      "Action 503 (JAXA) is overdue: A JAXA task",
      "Review round 1 of Lunar Surface White Paper closes soon",
      "1 comment in round 1 of Lunar Surface White Paper awaits a disposition",
      // The dataset's records the sources do not settle: undated, so last and with no age.
      `${(await listFactsToVerify(t.deps.db)).length} facts to verify`,
    ]);
    const html = await (await sec.get("/private")).text();
    expect(html).toContain("no position yet from ESA, NASA");
    expect(await list(sec, "waiting-mine")).toEqual([]);
  });

  it("a chair sees their groups' drafts in review and the comments to answer, not another group's", async () => {
    const { chair } = await fixtures();
    expect(await list(chair, "waiting-chair")).toEqual([
      "Lunar Surface White Paper is in review (round 1)",
      "1 comment in round 1 of Lunar Surface White Paper awaits a disposition",
    ]);
    const other = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "chair"], "CNES"));
    expect(await list(other, "waiting-chair")).toEqual([]);
  });

  it("a focal point sees public input forwarded to the agency until it acknowledges it; the secretariat sees what it has not triaged", async () => {
    const first = await makeConfirmedInput(t.deps, { subject: "Regolith results", email: "a@example.edu" });
    const second = await makeConfirmedInput(t.deps, { subject: "Rover tyres", email: "b@example.edu" });
    const secretariat = await makePerson(t.deps, ["secretariat"], null);
    await forwardToAgencies(t.deps, secretariat, first.id, {
      agencies: ["ESA"],
      reason: "For the agencies.",
    });
    const esaFocalPerson = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const esaFocal = await browser(t.deps, t.app, esaFocalPerson);
    expect(await list(esaFocal, "waiting-mine")).toEqual([
      `Acknowledge ${first.reference}: Regolith results`,
    ]);
    expect(await (await esaFocal.get("/private")).text()).toContain(`href="/private/inbox/${first.id}"`);
    // Another agency's focal point and a plain member are not asked.
    const jaxa = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "JAXA"));
    expect(await list(jaxa, "waiting-mine")).toEqual([]);
    const esaMember = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    expect(await list(esaMember, "waiting-mine")).toEqual([]);
    const sec = await browser(t.deps, t.app, secretariat);
    expect(await list(sec, "waiting-secretariat")).toEqual([
      `Triage ${second.reference}: Rover tyres`,
      `${(await listFactsToVerify(t.deps.db)).length} facts to verify`,
    ]);
    await recordReceipt(t.deps, esaFocalPerson, first.id, "acknowledge");
    expect(await list(esaFocal, "waiting-mine")).toEqual([]);
    expect(await (await esaFocal.get("/private")).text()).toContain("Nothing is waiting on you.");
  });

  it("a chair sees their groups' deliverables due within a month, overdue first, not done or far-off ones", async () => {
    const { chair } = await fixtures();
    const [group] = await t.deps.db.select().from(workingGroups).limit(1);
    await t.deps.db.insert(groupDeliverables).values([
      { groupId: group!.id, title: "Glossary", dueOn: day(10), status: "planned" },
      { groupId: group!.id, title: "Lunar annex", dueOn: day(-5), status: "in_progress" },
      { groupId: group!.id, title: "Done report", dueOn: day(3), status: "done" },
      { groupId: group!.id, title: "Far-off study", dueOn: day(90), status: "planned" },
    ]);
    const items = (await list(chair, "waiting-chair")).filter((i) => i.startsWith(`${group!.name}:`));
    expect(items).toEqual([`${group!.name}: Lunar annex`, `${group!.name}: Glossary`]);
    expect(await (await chair.get("/private")).text()).toContain(`Overdue since ${day(-5)}`);
  });
});

describe("a long waiting list", () => {
  it("lists the twenty oldest rounds without a position and sums up the rest in one line", async () => {
    for (let k = 1; k <= 22; k++) {
      await makeProduct(t.deps, { slug: `many-rounds-${k}`, agencies: ["ESA", "NASA"] });
      await makeRound(t.deps, `many-rounds-${k}`, { deadline: iso(new Date(NOW.getTime() + 9 * DAY)) });
    }
    const fp = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    const html = await (await fp.get("/private")).text();
    expect(html).toMatch(/Waiting on you and ESA <span class="muted">\(2\d\)<\/span>/);
    const listed = html.match(/data-kind="position"/g) ?? [];
    // Twenty rounds, and the line that stands for the two left out.
    expect(listed).toHaveLength(21);
    expect(html).toContain("2 more review rounds without ESA&#39;s position");
    expect(html).toContain('href="/private/products"');
  });
});
