import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { groupChairs, groupDeliverables, workingGroups } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase({ now: () => new Date("2031-01-10T12:00:00Z") });
const deliverable = {
  title: "Science white paper, second edition",
  ownerAgency: "CNES",
  due: "2031-09-30",
  status: "in_progress",
  link: "",
};
const swgId = async () =>
  (await t.deps.db.select().from(workingGroups).where(eq(workingGroups.slug, "swg")))[0]!.id;
/** The SWG's deliverables (other groups have their workplans from the dataset). */
const swgDeliverables = async () =>
  t.deps.db
    .select()
    .from(groupDeliverables)
    .where(eq(groupDeliverables.groupId, await swgId()));
const deliverableCount = async () => (await swgDeliverables()).length;

async function chairOf(slug: string) {
  const person = await makePerson(t.deps, ["member", "chair"], "NASA");
  const [g] = await t.deps.db.select().from(workingGroups).where(eq(workingGroups.slug, slug));
  await t.deps.db.insert(groupChairs).values({ groupId: g!.id, personId: person.id });
  return browser(t.deps, t.app, person);
}

describe("group workplans and outlooks", () => {
  it("the group's chair adds a deliverable and an outlook; the public group page shows them", async () => {
    const b = await chairOf("swg");
    const added = await b.post("/private/groups/swg/workplan", deliverable);
    expect(added.status, await added.clone().text()).toBe(303);
    const outlook = await b.post("/private/groups/swg/outlook", {
      year: "2031",
      body: "The group will **publish** its paper.",
    });
    expect(outlook.status).toBe(303);
    const html = await (await t.app.request("/groups/swg")).text();
    expect(html).toContain("Science white paper, second edition");
    expect(html).toContain("2031-09-30");
    expect(html).toContain("In progress");
    expect(html).toContain("Outlook 2031");
    expect(html).toContain("<strong>publish</strong>");
  });

  it("the outlook shown is this year's, else the latest earlier one; saving a year again rewrites it", async () => {
    const b = await chairOf("swg");
    await b.post("/private/groups/swg/outlook", {
      year: "2030",
      body: "Plans of the previous year for the group.",
    });
    await b.post("/private/groups/swg/outlook", { year: "2032", body: "Plans two years ahead." });
    expect(await (await t.app.request("/groups/swg")).text()).toContain("Plans of the previous year");
    await b.post("/private/groups/swg/outlook", { year: "2030", body: "Rewritten plans for 2030." });
    const html = await (await t.app.request("/groups/swg")).text();
    expect(html).toContain("Rewritten plans for 2030.");
    expect(html).not.toContain("Plans two years ahead.");
  });

  it("the secretariat edits a deliverable: done, with what it produced", async () => {
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    await sec.post("/private/groups/swg/workplan", deliverable);
    const [d] = await swgDeliverables();
    expect(await (await sec.get(`/private/groups/swg/workplan/${d!.id}`)).text()).toContain(
      "Edit deliverable",
    );
    const res = await sec.post(`/private/groups/swg/workplan/${d!.id}`, {
      ...deliverable,
      status: "done",
      link: "/publications/science-white-paper",
    });
    expect(res.status, await res.clone().text()).toBe(303);
    const html = await (await t.app.request("/groups/swg")).text();
    expect(html).toContain('href="/publications/science-white-paper"');
    expect(html).toContain("Done");
  });

  it("bad input re-renders with messages and changes nothing", async () => {
    const b = await chairOf("swg");
    const res = await b.post("/private/groups/swg/workplan", {
      title: "",
      due: "2031-13-01",
      status: "finished",
      link: "javascript:alert(1)",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Enter the deliverable.");
    expect(html).toContain("Enter a real date as YYYY-MM-DD.");
    expect(html).toContain("Choose planned, in progress, done or dropped.");
    expect(html).toContain("Enter a web address");
    const outlook = await b.post("/private/groups/swg/outlook", { year: "31", body: "" });
    expect(outlook.status).toBe(422);
    expect(await deliverableCount()).toBe(0);
  });

  it("another group's chair, members and focal points cannot manage the workplan", async () => {
    const other = await chairOf("twg");
    expect((await other.get("/private/groups/swg/workplan")).status).toBe(403);
    expect((await other.post("/private/groups/swg/workplan", deliverable)).status).toBe(403);
    const fp = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "CNES"));
    expect(
      (await fp.post("/private/groups/swg/outlook", { year: "2031", body: "Not mine to write." })).status,
    ).toBe(403);
    const visitor = await browser(t.deps, t.app);
    expect((await visitor.post("/private/groups/swg/workplan", deliverable)).status).toBe(303);
    expect(await deliverableCount()).toBe(0);
  });
});
