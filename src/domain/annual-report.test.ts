import { describe, expect, it } from "vitest";
import { compareReports, computeReport, membersOn, type ReportRecords } from "./annual-report.js";

const org = (acronym: string, country: string, joinedOn: string, leftOn: string | null = null) => ({
  acronym,
  slug: acronym.toLowerCase(),
  name: `${acronym} agency`,
  country,
  joinedOn,
  joinedUncertain: false,
  leftOn,
});

const records = (over: Partial<ReportRecords> = {}): ReportRecords => ({
  organisations: [
    org("ESA", "Europe", "2007-11-01"),
    org("ASA", "Australia", "2019-01-01"),
    org("CSIRO", "Australia", "2007-11-01"),
    org("NEW", "Nowhere", "2023-06-01"),
    org("OLD", "Elsewhere", "2007-11-01", "2022-05-01"),
  ],
  news: [
    { slug: "a", title: "Spring news", date: "2023-04-01" },
    { slug: "b", title: "Old news", date: "2022-12-31" },
  ],
  publications: [
    {
      slug: "ar-2022",
      title: "Annual Report 2022",
      category: "annual_report",
      date: "2023-05-23",
      precision: "day",
    },
    {
      slug: "hla",
      title: "High-Level Analysis",
      category: "technology_assessment",
      date: "2023-01-01",
      precision: "year",
    },
    {
      slug: "ger-2018",
      title: "GER 2018",
      category: "global_exploration_roadmap",
      date: "2018-02-02",
      precision: "day",
    },
  ],
  groups: [
    {
      slug: "twg",
      acronym: "TWG",
      name: "Technology WG",
      kind: "working_group",
      charter: "Gaps.",
      startedOn: "2014-01-01",
      endedOn: null,
    },
    {
      slug: "iowg",
      acronym: "IOWG",
      name: "Objectives WG",
      kind: "working_group",
      charter: "",
      startedOn: "2009-01-01",
      endedOn: "2013-01-01",
    },
    {
      slug: "btt",
      acronym: "BTT",
      name: "Benefits TT",
      kind: "tiger_team",
      charter: "",
      startedOn: "2022-07-01",
      endedOn: null,
    },
  ],
  meetings: [
    {
      slug: "sam",
      title: "SAM 2023",
      kind: "sam_meeting",
      startsOn: "2023-12-07",
      place: "Songdo",
      host: "KARI",
      attending: ["ESA", "ASA"],
      reportedAttendance: 20,
    },
    {
      slug: "ws",
      title: "Workshop",
      kind: "workshop",
      startsOn: "2023-06-28",
      place: null,
      host: null,
      attending: [],
      reportedAttendance: null,
    },
    {
      slug: "x",
      title: "Last year",
      kind: "workshop",
      startsOn: "2022-06-28",
      place: null,
      host: null,
      attending: ["ESA"],
      reportedAttendance: null,
    },
  ],
  assessments: [
    { slug: "npp", title: "Nuclear", status: "published", endedOn: "2023-01-01" },
    { slug: "lss", title: "Life support", status: "ongoing", endedOn: null },
  ],
  actions: [
    { number: 1, title: "Draft outline", owner: "ESA", createdOn: "2023-02-01", closedOn: "2023-09-01" },
    { number: 2, title: "Send input", owner: "ESA", createdOn: "2023-02-01", closedOn: null },
    { number: 3, title: "Old", owner: "ASA", createdOn: "2021-02-01", closedOn: "2022-01-01" },
  ],
  roundAnswers: [
    { roundId: 7, agency: "ESA" },
    { roundId: 7, agency: "ESA" },
    { roundId: 8, agency: "ASA" },
  ],
  roundsInYear: 2,
  chairs: [
    { acronym: "CSA", name: "Canadian Space Agency", startsOn: "2020-01-01", endsOn: "2023-01-01" },
    { acronym: "ESA", name: "European Space Agency", startsOn: "2023-01-01", endsOn: null },
  ],
  ...over,
});

const options = { year: 2023, membersAsOf: "2023-03-31", majorDocuments: ["ger-2018"], omitPublications: [] };

describe("the annual report's computation", () => {
  it("lists the members on the chosen day by country, with names, acronyms and links", () => {
    const byCountry = membersOn(records().organisations, "2023-03-31");
    expect(byCountry.map((c) => c.country)).toEqual(["Australia", "Europe"]);
    expect(byCountry[0]!.members).toEqual([
      { acronym: "ASA", name: "ASA agency", href: "/members/asa" },
      { acronym: "CSIRO", name: "CSIRO agency", href: "/members/csiro" },
    ]);
  });

  it("counts a member who joined after the day, or left before it, out", () => {
    const r = computeReport(records(), options);
    expect(r.members.total).toBe(3);
    expect(computeReport(records(), { ...options, membersAsOf: "2023-12-31" }).members.total).toBe(4);
    expect(r.members.joinedInYear.map((m) => m.acronym)).toEqual(["NEW"]);
  });

  it("takes only the year's news, publications, meetings and assessments, each linked to its record", () => {
    const r = computeReport(records(), options);
    expect(r.news).toEqual([{ title: "Spring news", href: "/news/a", date: "2023-04-01" }]);
    expect(r.publications.map((p) => p.href)).toEqual(["/publications/hla", "/publications/ar-2022"]);
    expect(r.meetings.map((m) => m.href)).toEqual(["/meetings/ws", "/meetings/sam"]);
    expect(r.assessments).toEqual([{ title: "Nuclear", href: "/technology/assessments/npp" }]);
    expect(r.majorDocuments).toEqual([{ title: "GER 2018", href: "/publications/ger-2018" }]);
  });

  it("leaves out the publications the secretariat omits", () => {
    const r = computeReport(records(), { ...options, omitPublications: ["hla"] });
    expect(r.publications.map((p) => p.title)).toEqual(["Annual Report 2022"]);
  });

  it("counts recorded attendance, and falls back to the reported count only when no list is known", () => {
    const [ws, sam] = computeReport(records(), options).meetings;
    expect(sam!.attendance).toEqual({ count: 2, agencies: ["ASA", "ESA"], recorded: true });
    expect(ws!.attendance).toEqual({ count: null, agencies: [], recorded: false });
    const reported = computeReport(
      records({ meetings: [{ ...records().meetings[0]!, attending: [] }] }),
      options,
    ).meetings[0]!;
    expect(reported.attendance).toEqual({ count: 20, agencies: [], recorded: false });
  });

  it("keeps the groups active in the year: working groups with their purpose, teams apart", () => {
    const r = computeReport(records(), options);
    expect(r.workingGroups.map((g) => [g.slug, g.purpose])).toEqual([["twg", "Gaps."]]);
    expect(r.teams.map((g) => g.slug)).toEqual(["btt"]);
  });

  it("names the chair at the end of the year", () => {
    expect(computeReport(records(), options).chair?.acronym).toBe("ESA");
  });

  it("counts participation per member agency: meetings, rounds answered once each, actions owned and closed", () => {
    const r = computeReport(records(), options);
    const esa = r.participation.find((p) => p.agency === "ESA")!;
    expect(esa).toMatchObject({ meetingsAttended: 1, roundsAnswered: 1, actionsOwned: 2, actionsClosed: 1 });
    const asa = r.participation.find((p) => p.agency === "ASA")!;
    expect(asa).toMatchObject({ meetingsAttended: 1, roundsAnswered: 1, actionsOwned: 0, actionsClosed: 0 });
    expect(r.actionsClosed.map((a) => a.number)).toEqual([1]);
  });

  it("compares two years: members added, publications, meetings and attendance that changed", () => {
    const before = computeReport(records(), options);
    const after = computeReport(records(), { ...options, membersAsOf: "2023-12-31" });
    const diff = compareReports(before, {
      ...after,
      participation: after.participation.map((p) => (p.agency === "ESA" ? { ...p, meetingsAttended: 3 } : p)),
    });
    expect(diff.membersAdded).toEqual(["NEW"]);
    expect(diff.membersRemoved).toEqual([]);
    expect(diff.attendance).toEqual([{ agency: "ESA", before: 1, after: 3 }]);
  });
});
