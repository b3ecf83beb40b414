import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { missionProposals, missionRevisions, missions } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";
import { pngSize, svgSize } from "../support/png.js";

const t = useTestDatabase();

/** The form fields of a mission, as the edit page would post them. */
const argonautForm = {
  name: "Argonaut (European Large Logistics Lander)",
  destination: "lunar_surface",
  status: "in_formulation",
  launch: "2030",
  launchPrecision: "year",
  description: "Europe's large lunar lander.",
};

/** API values as form fields: nulls become empty fields, booleans checkboxes, lists lines. */
const asForm = (data: Record<string, unknown>): Record<string, string | string[]> =>
  Object.fromEntries(
    Object.entries(data)
      .filter(([, v]) => v !== null && v !== false)
      .map(([k, v]) => [
        k,
        v === true ? "on" : k === "partners" ? (v as string[]) : Array.isArray(v) ? v.join("\n") : String(v),
      ]),
  );

/** A PNG's bytes as base64, to compare in one step. */
const pngOf = async (path: string) =>
  Buffer.from(await (await t.app.request(path)).arrayBuffer()).toString("base64");

const missionRow = async (slug: string) =>
  (await t.deps.db.select().from(missions).where(eq(missions.slug, slug)))[0]!;

describe("the public roadmap", () => {
  it("shows the seeded missions in a chart, a table and counts", async () => {
    const res = await t.app.request("/roadmap");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<svg");
    expect(html).toContain('href="/roadmap/missions/artemis-3"');
    expect(html).toContain("Missions by destination");
    expect(html).toMatch(/54 missions in the roadmap/);
    expect(html).toContain('href="/roadmap"');
  });

  it("shows a mission with its partners and history, without sources or certainty notes", async () => {
    const res = await t.app.request("/roadmap/missions/artemis-3");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Artemis III");
    expect(html).toContain('href="/members/esa"');
    expect(html).not.toContain("What is uncertain");
    expect(html).not.toContain("general knowledge");
    expect(html).toContain("History of changes");
    expect((await t.app.request("/roadmap/missions/no-such-mission")).status).toBe(404);
  });

  it("filters the chart, the table and the exports by query parameters kept in the links", async () => {
    const html = await (
      await t.app.request("/roadmap?agency=ESA&destination=mars&status=funded&from=2020&to=2035")
    ).text();
    expect(html).toContain("rosalind-franklin");
    expect(html).not.toContain('href="/roadmap/missions/artemis-3"');
    expect(html).toContain(
      "/roadmap/chart.png?agency=ESA&amp;destination=mars&amp;status=funded&amp;from=2020&amp;to=2035",
    );
    const json = await (await t.app.request("/roadmap/missions.json?destination=mars&status=funded")).json();
    expect(json.data.length).toBeGreaterThan(0);
    expect(
      json.data.every(
        (m: { destination: string; status: string }) => m.destination === "mars" && m.status === "funded",
      ),
    ).toBe(true);
    const api = await (await t.app.request("/api/v1/missions?agency=cnsa&from=2024&to=2024")).json();
    expect(api.data.map((m: { slug: string }) => m.slug).sort()).toEqual(["change-6", "queqiao-2"]);
  });

  it("serves the chart as well-formed SVG, as PNG at twice its size and as CSV", async () => {
    const svg = await t.app.request("/roadmap/chart.svg?destination=mars");
    expect(svg.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    const text = await svg.text();
    expect(text.startsWith('<?xml version="1.0"')).toBe(true);
    expect(wellFormed(text)).toBe(true);
    expect(text).toContain("<title>Mars 2020 / Perseverance — NASA");
    const png = await t.app.request("/roadmap/chart.png?destination=mars");
    expect(png.headers.get("content-type")).toBe("image/png");
    const { width, height } = svgSize(text);
    expect(width).toBeGreaterThan(100);
    // Drawn at twice the SVG's size.
    expect(pngSize(new Uint8Array(await png.arrayBuffer()))).toEqual({
      width: width * 2,
      height: height * 2,
    });
    const csv = await (await t.app.request("/roadmap/chart.csv?destination=mars")).text();
    expect(csv.split("\r\n")[0]).toBe("slug,name,lead,destination,launch,launch_precision,status,crewed");
  });

  it("escapes commas and quotes in the missions CSV", async () => {
    const focal = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const b = await browser(t.deps, t.app, focal);
    const res = await b.post("/private/missions/argonaut/edit", {
      ...argonautForm,
      name: 'Argonaut, the "big" lander',
    });
    expect(res.status).toBe(303);
    const csv = await (await t.app.request("/roadmap/missions.csv?agency=ESA")).text();
    expect(csv.split("\r\n")[0]).toMatch(/^slug,name,lead,partners/);
    expect(csv).toContain('argonaut,"Argonaut, the ""big"" lander",ESA,');
  });
});

describe("who changes a mission", () => {
  it("a focal point updates their agency's mission and the public roadmap shows it at once", async () => {
    const focal = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    // Fill the visitors' cache first: the write must invalidate it.
    expect(await (await t.app.request("/roadmap")).text()).not.toContain("Argonaut Mark II");
    expect(await (await t.app.request("/roadmap/chart.svg")).text()).not.toContain("Argonaut Mark II");
    const pngBefore = await pngOf("/roadmap/chart.png");
    expect(await pngOf("/roadmap/chart.png")).toEqual(pngBefore);
    const b = await browser(t.deps, t.app, focal);
    expect((await b.get("/private/missions/argonaut/edit")).status).toBe(200);
    const res = await b.post("/private/missions/argonaut/edit", {
      ...argonautForm,
      name: "Argonaut Mark II",
      launch: "2031-Q2",
      launchPrecision: "quarter",
    });
    expect(res.status).toBe(303);
    expect(await (await t.app.request("/roadmap")).text()).toContain("Argonaut Mark II");
    expect(await (await t.app.request("/roadmap/chart.svg")).text()).toContain("Argonaut Mark II");
    expect(await pngOf("/roadmap/chart.png")).not.toEqual(pngBefore);
    const row = await missionRow("argonaut");
    expect([row.launchOn, row.launchPrecision]).toEqual(["2031-04-01", "quarter"]);
    const revisions = await t.deps.db
      .select()
      .from(missionRevisions)
      .where(eq(missionRevisions.missionId, row.id));
    const last = revisions.at(-1)!;
    expect(last.actorName).toBe(focal.name);
    expect(last.before).toMatchObject({ name: "Argonaut (European Large Logistics Lander)", launch: "2030" });
    expect(last.after).toMatchObject({ name: "Argonaut Mark II", launch: "2031-Q2" });
    const page = await (await t.app.request("/roadmap/missions/argonaut")).text();
    // Fields are named as people write them, never by their code (launchPrecision).
    expect(page).toContain("Changed name, launch date, launch date&#39;s precision");
    // The public history names the agency, not the person.
    expect(page).toMatch(/Changed name[^<]*— ESA/);
    expect(page).not.toContain(focal.name);
  });

  it("another agency's focal point cannot change it by any route, and nothing changes", async () => {
    const other = await makePerson(t.deps, ["member", "focal_point"], "JAXA");
    const before = await missionRow("argonaut");
    const b = await browser(t.deps, t.app, other);
    expect((await b.get("/private/missions/argonaut/edit")).status).toBe(403);
    expect(
      (await b.post("/private/missions/argonaut/edit", { ...argonautForm, name: "Hijacked" })).status,
    ).toBe(403);
    const api = await b.json("PATCH", "/api/v1/missions/argonaut", { name: "Hijacked" });
    expect(api.status).toBe(403);
    expect((await api.json()).error.code).toBe("forbidden");
    expect((await b.get("/private/missions/argonaut/propose")).status).toBe(403);
    expect(
      (await b.post("/private/missions/argonaut/propose", { ...argonautForm, name: "Hijacked" })).status,
    ).toBe(403);
    const add = await b.json("POST", "/api/v1/missions", {
      ...argonautForm,
      name: "New ESA thing",
      lead: "ESA",
    });
    expect(add.status).toBe(403);
    expect(await missionRow("argonaut")).toEqual(before);
    expect(await (await t.app.request("/roadmap")).text()).not.toContain("Hijacked");
  });

  it("a partner's proposal, accepted by the lead, applies the change", async () => {
    const partner = await makePerson(t.deps, ["member", "focal_point"], "ESA"); // ESA is a partner of Artemis III
    const lead = await makePerson(t.deps, ["member", "focal_point"], "NASA");
    const p = await browser(t.deps, t.app, partner);
    const current = await (await t.app.request("/api/v1/missions/artemis-3")).json();
    const form = {
      ...asForm(current.data),
      launch: "2028",
      note: "The landing moved to 2028.",
    };
    expect((await p.post("/private/missions/artemis-3/propose", form)).status).toBe(303);
    expect((await missionRow("artemis-3")).launchOn).toBe("2027-01-01");
    const [proposal] = await t.deps.db.select().from(missionProposals);
    expect(proposal!.status).toBe("open");
    // The partner cannot accept their own proposal.
    expect((await p.post(`/private/missions/proposals/${proposal!.id}/accept`)).status).toBe(403);
    const l = await browser(t.deps, t.app, lead);
    const inbox = await (await l.get("/private/missions/proposals")).text();
    expect(inbox).toContain("The landing moved to 2028.");
    expect((await l.post(`/private/missions/proposals/${proposal!.id}/accept`)).status).toBe(303);
    expect((await missionRow("artemis-3")).launchOn).toBe("2028-01-01");
    const [decided] = await t.deps.db.select().from(missionProposals);
    expect(decided!.status).toBe("accepted");
    expect(await (await t.app.request("/roadmap/missions/artemis-3")).text()).toContain(
      `proposal by ${partner.name}`,
    );
  });

  it("a declined proposal changes nothing", async () => {
    const partner = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const lead = await makePerson(t.deps, ["member", "focal_point"], "NASA");
    const before = await missionRow("artemis-3");
    const current = (await (await t.app.request("/api/v1/missions/artemis-3")).json()).data;
    const sent = await (await browser(t.deps, t.app, partner)).post("/private/missions/artemis-3/propose", {
      ...asForm(current),
      name: "Artemis 3",
    });
    expect(sent.status).toBe(303);
    const [proposal] = await t.deps.db.select().from(missionProposals);
    expect(
      (await (await browser(t.deps, t.app, lead)).post(`/private/missions/proposals/${proposal!.id}/decline`))
        .status,
    ).toBe(303);
    expect(await missionRow("artemis-3")).toEqual(before);
  });

  it.each([
    ["an unknown destination", { destination: "venus" }, "destination"],
    ["a launch date not matching its precision", { launch: "2030-05-01", launchPrecision: "year" }, "launch"],
    ["an end before the launch", { end: "2029", endPrecision: "year" }, "end"],
    ["an unknown partner", { partners: ["NOPE"] }, "partners"],
  ])("refuses %s with 422 and changes nothing", async (_what, change, field) => {
    const focal = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const before = await missionRow("argonaut");
    const b = await browser(t.deps, t.app, focal);
    const page = await b.post("/private/missions/argonaut/edit", { ...argonautForm, ...change } as Record<
      string,
      string
    >);
    expect(page.status).toBe(422);
    expect(await page.text()).toContain(`id="f-${field}-error"`);
    const api = await b.json("PATCH", "/api/v1/missions/argonaut", change);
    expect(api.status).toBe(422);
    expect(Object.keys((await api.json()).error.fields)).toContain(field);
    expect(await missionRow("argonaut")).toEqual(before);
  });

  it("a focal point adds a mission for their agency through the API", async () => {
    const focal = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const b = await browser(t.deps, t.app, focal);
    const res = await b.json("POST", "/api/v1/missions", {
      name: "Moonlight",
      destination: "lunar_orbit",
      status: "funded",
      launch: "2028-Q1",
      launchPrecision: "quarter",
      partners: ["ASI"],
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.data).toMatchObject({ slug: "moonlight", lead: "ESA", partners: ["ASI"], launch: "2028-Q1" });
    expect((await t.app.request("/roadmap/missions/moonlight")).status).toBe(200);
  });
});

/** A small well-formedness check: every tag closes in order, attributes are quoted, entities known. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, "");
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  let consumed = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    if (m.index !== consumed) return false;
    consumed = tag.lastIndex;
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(m[5])) return false;
      continue;
    }
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else if (!m[4]) stack.push(m[2]!);
  }
  return consumed === body.length && stack.length === 0;
}

describe("exported charts", () => {
  it("carry their title, filters, date and source", async () => {
    const svg = await (await t.app.request("/roadmap/chart.svg?destination=mars")).text();
    expect(svg).toContain(
      "International Space Exploration Coordination Group: mission scenario chart (all agencies, Mars, any status).",
    );
    expect(svg).toMatch(
      /Made \d{4}-\d{2}-\d{2} from the agencies&#39; plans at http:\/\/localhost:3000\/roadmap\?destination=mars|Made \d{4}-\d{2}-\d{2} from the agencies' plans at http:\/\/localhost:3000\/roadmap\?destination=mars/,
    );
  });
});

describe("the chart on a phone", () => {
  it("is also a list by destination with the same marks, the lead agency and the launch", async () => {
    const html = await (await t.app.request("/roadmap")).text();
    const list = html.slice(html.indexOf('<div class="chart-list">'), html.indexOf("<figcaption>"));
    expect(list).toContain('<section aria-label="Low Earth orbit"><h3>Low Earth orbit</h3>');
    expect(list).toMatch(/<svg class="mark"[^>]*aria-hidden="true"><path d="M/);
    expect(list).toContain('href="/roadmap/missions/iss"');
    expect(list).toContain(" · NASA · ");
  });
});

describe("filtering by an agency's part", () => {
  it("shows only the missions it leads when asked, and those it is a partner in otherwise", async () => {
    const slugs = async (q: string) => {
      const res = await t.app.request(`/api/v1/missions${q}`);
      return ((await res.json()).data as Array<{ slug: string }>).map((m) => m.slug);
    };
    const any = await slugs("?agency=ESA");
    const lead = await slugs("?agency=ESA&role=lead");
    expect(lead.length).toBeGreaterThan(0);
    expect(lead.length).toBeLessThan(any.length);
    expect(any).toEqual(expect.arrayContaining(lead));
    const page = await (await t.app.request("/roadmap?agency=ESA&role=lead")).text();
    expect(page).toContain('<option value="lead" selected="">Lead only</option>');
    const svg = await (await t.app.request("/roadmap/chart.svg?agency=ESA&role=lead")).text();
    expect(svg).toContain("(led by ESA, all destinations, any status)");
  });
});
