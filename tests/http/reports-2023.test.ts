import { describe, expect, it } from "vitest";
import { reportForReader } from "../../src/features/reports/reports.service.js";
import { systemActor } from "../../src/http/actor.js";
import { useTestDatabase } from "../support/database.js";

/**
 * The 2023 report regenerated from the shipped dataset, against what the 2023 report itself lists
 * (its Annexes I to III). Our records spell a few things their own way, on purpose: Brazil (the
 * report writes "Brasil"), the Swiss member as SSO (the report names SERI, the state secretariat
 * above it; see data/isecg/README.md) and the UAE Space Agency's acronym as "UAE SA".
 */
const t = useTestDatabase();
const report = () => reportForReader(t.deps, systemActor(), 2023);

/** Annex II of the 2023 report (status March 2023): country and members' acronyms. */
const annexII: Record<string, string[]> = {
  Australia: ["ASA", "CSIRO"],
  Brazil: ["AEB"],
  Canada: ["CSA"],
  China: ["CNSA"],
  Europe: ["ESA"],
  France: ["CNES"],
  Germany: ["DLR"],
  India: ["ISRO"],
  Italy: ["ASI"],
  Japan: ["JAXA"],
  Luxembourg: ["LSA"],
  Mexico: ["AEM"],
  Norway: ["NOSA"],
  "New Zealand": ["NZSA"],
  Poland: ["POLSA"],
  Portugal: ["PT Space"],
  "Republic of Korea": ["KARI"],
  Romania: ["ROSA"],
  Russia: ["Roscosmos"],
  Switzerland: ["SSO"],
  Thailand: ["GISTDA"],
  Ukraine: ["SSAU"],
  "United Arab Emirates": ["UAE SA"],
  "United Kingdom": ["UKSA"],
  "United States of America": ["NASA"],
  Vietnam: ["VNSC"],
};

/**
 * Annex I of the 2023 report: the year's web news, by the report's title, and the article that
 * tells the same news in our own words.
 */
const webNews: Array<{ report: string; slug: string }> = [
  { report: "ISECG Annual Report 2022 published", slug: "annual-report-2022-published" },
  {
    report:
      "International space agencies meet in Montréal, Canada to advance coordination in space exploration of Moon and Mars",
    slug: "agencies-meet-in-montreal",
  },
  {
    report:
      "International space agencies meet to advance coordination in space exploration of Moon and Mars through the Global Exploration Strategy",
    slug: "agencies-meet-on-coordination-through-the-global-exploration-strategy",
  },
  {
    report: "Space nuclear power & propulsion: a technology gap assessment",
    slug: "space-nuclear-power-and-propulsion-gap-assessment",
  },
  {
    report: "Advancing space exploration: ISECG meeting highlights global collaboration",
    slug: "songdo-meeting-backs-a-new-global-exploration-roadmap",
  },
];
const publications2023 = [
  "ISECG Annual Report 2022",
  "Report of the Nuclear Power and Propulsion Gap Assessment Team",
];
const majorDocuments = [
  "ger-supplement-2022",
  "ger-supplement-2020",
  "global-exploration-roadmap-2018",
  "science-white-paper-summary-2016",
  "science-white-paper-2017",
  "benefits-stemming-from-space-exploration-2013",
  "terms-of-reference-2022",
];
/** Annex III of the 2023 report: the working groups and their purposes. */
const annexIII = ["ERWG", "IAWG", "SCWG", "SWG", "TWG", "CWG", "ESAWG"];

describe("the 2023 report regenerated from the dataset agrees with the 2023 report", () => {
  it("lists the same members in Annex II, by country", async () => {
    const { data } = await report();
    expect(data.membersAsOf).toBe("2023-03-31");
    const got = Object.fromEntries(
      data.members.byCountry.map((c) => [c.country, c.members.map((m) => m.acronym).sort()]),
    );
    const want = Object.fromEntries(Object.entries(annexII).map(([k, v]) => [k, [...v].sort()]));
    expect(got).toEqual(want);
    expect(data.members.total).toBe(27);
  });

  it("lists the same publications of the year and major documents in Annex I", async () => {
    const { data } = await report();
    expect(data.publications.map((p) => p.title).sort()).toEqual([...publications2023].sort());
    expect(data.majorDocuments.map((m) => m.href.replace("/publications/", ""))).toEqual(majorDocuments);
  });

  it("lists the report's five web news items, item for item", async () => {
    const { data } = await report();
    expect(data.news.map((n) => n.href.replace("/news/", "")).sort()).toEqual(
      webNews.map((n) => n.slug).sort(),
    );
  });

  it("gives the outlook for 2024 of each working group and team the report covers", async () => {
    const { outlooks } = await report();
    const slugs = outlooks.map((o) => o.slug);
    for (const g of ["erwg", "iawg", "twg", "scwg", "swg", "esawg", "cwg", "btt"])
      expect(slugs, g).toContain(g);
  });

  it("describes the same working groups in Annex III, each with its purpose", async () => {
    const { data } = await report();
    expect(data.workingGroups.map((g) => g.acronym).sort()).toEqual([...annexIII].sort());
    for (const g of data.workingGroups) expect(g.purpose.length, g.title).toBeGreaterThan(40);
  });

  it("has the narrative parts of the report: summary, highlights and the year's events", async () => {
    const { texts } = await report();
    expect(texts["executive-summary"]).toContain("Songdo");
    expect(texts.highlights).toContain("28 June and 12 July");
    expect(texts.events).toContain("Baku");
  });
});
