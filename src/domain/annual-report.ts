/**
 * The figures and lists of one year's annual report, computed from the year's records. Pure: the
 * caller loads the records; every item carries the address of the record it comes from, so each
 * count and list in the report can link to its source.
 */
import { type GrowthYear, membershipGrowth } from "./membership-growth.js";

export type ReportOrganisation = {
  acronym: string;
  slug: string;
  name: string;
  country: string;
  joinedOn: string;
  joinedUncertain: boolean;
  leftOn: string | null;
};
export type ReportNews = { slug: string; title: string; date: string };
export type ReportPublication = {
  slug: string;
  title: string;
  category: string;
  date: string | null;
  /** How much of `date` is known (a year-only date is stored as 1 January). */
  precision: "year" | "month" | "day" | null;
};
export type ReportGroup = {
  slug: string;
  acronym: string | null;
  name: string;
  kind: string;
  charter: string;
  startedOn: string | null;
  endedOn: string | null;
};
export type ReportMeeting = {
  slug: string;
  title: string;
  kind: string;
  startsOn: string;
  place: string | null;
  host: string | null;
  attending: string[];
  reportedAttendance: number | null;
};
export type ReportAssessment = { slug: string; title: string; status: string; endedOn: string | null };
export type ReportAction = {
  number: number;
  title: string;
  owner: string | null;
  createdOn: string;
  closedOn: string | null;
};
/** One agency's answer in a review round of the year (its newest position counts once). */
export type ReportRoundAnswer = { roundId: number; agency: string };
export type ReportChairTerm = { acronym: string; name: string; startsOn: string; endsOn: string | null };

/** Everything the computation reads. */
export type ReportRecords = {
  organisations: ReportOrganisation[];
  news: ReportNews[];
  publications: ReportPublication[];
  groups: ReportGroup[];
  meetings: ReportMeeting[];
  assessments: ReportAssessment[];
  actions: ReportAction[];
  roundAnswers: ReportRoundAnswer[];
  roundsInYear: number;
  chairs: ReportChairTerm[];
};

export type ReportOptions = {
  year: number;
  /** YYYY-MM-DD: the day Annex II lists the members on. */
  membersAsOf: string;
  majorDocuments: string[];
  omitPublications: string[];
};

export type Linked = { title: string; href: string };
export type MemberEntry = { acronym: string; name: string; href: string };
export type MeetingEntry = Linked & {
  date: string;
  kind: string;
  place: string | null;
  host: string | null;
  /** Agencies recorded as attending, or the count the sources report when no list is known. */
  attendance: { count: number | null; agencies: string[]; recorded: boolean };
};
export type Participation = {
  agency: string;
  href: string;
  meetingsAttended: number;
  roundsAnswered: number;
  actionsOwned: number;
  actionsClosed: number;
};

/** The computed part of a report, as frozen in a published edition. */
export type ReportData = {
  year: number;
  membersAsOf: string;
  chair: { acronym: string; name: string; href: string } | null;
  members: {
    total: number;
    href: string;
    byCountry: Array<{ country: string; members: MemberEntry[] }>;
    joinedInYear: MemberEntry[];
  };
  growth: GrowthYear[];
  news: Array<Linked & { date: string }>;
  publications: Array<
    Linked & { date: string | null; precision: ReportPublication["precision"]; category: string }
  >;
  majorDocuments: Linked[];
  workingGroups: Array<Linked & { slug: string; acronym: string | null; purpose: string }>;
  teams: Array<Linked & { slug: string; acronym: string | null; kind: string }>;
  meetings: MeetingEntry[];
  assessments: Linked[];
  actionsClosed: Array<Linked & { number: number; owner: string | null }>;
  participation: Participation[];
  roundsInYear: number;
};

const inYear = (date: string | null, year: number) => date?.startsWith(String(year)) === true;
const active = (start: string | null, end: string | null, from: string, to: string) =>
  (start === null || start <= to) && (end === null || end >= from);
const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);

/** Members on a day: joined on or before it and not left by it, grouped by country (A to Z). */
export function membersOn(orgs: ReportOrganisation[], day: string): ReportData["members"]["byCountry"] {
  const groups = new Map<string, MemberEntry[]>();
  for (const o of orgs) {
    if (o.joinedOn > day || (o.leftOn !== null && o.leftOn <= day)) continue;
    const list = groups.get(o.country) ?? [];
    list.push(entry(o));
    groups.set(o.country, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([country, members]) => ({
      country,
      members: members.sort((a, b) => a.name.localeCompare(b.name)),
    }));
}

const entry = (o: ReportOrganisation): MemberEntry => ({
  acronym: o.acronym,
  name: o.name,
  href: `/members/${o.slug}`,
});

function meetingEntries(meetings: ReportMeeting[], year: number): MeetingEntry[] {
  return meetings
    .filter((m) => inYear(m.startsOn, year))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
    .map((m) => ({
      title: m.title,
      href: `/meetings/${m.slug}`,
      date: m.startsOn,
      kind: m.kind,
      place: m.place,
      host: m.host,
      attendance: {
        count: m.attending.length > 0 ? m.attending.length : m.reportedAttendance,
        agencies: [...m.attending].sort(),
        recorded: m.attending.length > 0,
      },
    }));
}

/** Per agency: meetings attended, review rounds answered, actions owned and closed in the year. */
export function participation(records: ReportRecords, members: MemberEntry[], year: number): Participation[] {
  const meetings = records.meetings.filter((m) => inYear(m.startsOn, year));
  const yearEnd = `${year}-12-31`;
  return members
    .map((m) => ({
      agency: m.acronym,
      href: m.href,
      meetingsAttended: meetings.filter((x) => x.attending.includes(m.acronym)).length,
      roundsAnswered: new Set(
        records.roundAnswers.filter((r) => r.agency === m.acronym).map((r) => r.roundId),
      ).size,
      actionsOwned: records.actions.filter(
        (a) =>
          a.owner === m.acronym && a.createdOn <= yearEnd && (a.closedOn === null || a.closedOn >= `${year}`),
      ).length,
      actionsClosed: records.actions.filter((a) => a.owner === m.acronym && inYear(a.closedOn, year)).length,
    }))
    .sort((a, b) => a.agency.localeCompare(b.agency));
}

/** Computes the report's data for `options.year` from the records. */
export function computeReport(records: ReportRecords, options: ReportOptions): ReportData {
  const { year } = options;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const byCountry = membersOn(records.organisations, options.membersAsOf);
  const all = byCountry.flatMap((c) => c.members);
  const pubsBySlug = new Map(records.publications.map((p) => [p.slug, p]));
  const chair = records.chairs.find((c) => c.startsOn <= to && (c.endsOn === null || c.endsOn >= to));
  const groups = records.groups.filter((g) => active(g.startedOn, g.endedOn, from, to));
  return {
    year,
    membersAsOf: options.membersAsOf,
    chair: chair
      ? { acronym: chair.acronym, name: chair.name, href: `/members/${chair.acronym.toLowerCase()}` }
      : null,
    members: {
      total: all.length,
      href: "/members",
      byCountry,
      joinedInYear: records.organisations
        .filter((o) => inYear(o.joinedOn, year))
        .map(entry)
        .sort((a, b) => a.acronym.localeCompare(b.acronym)),
    },
    growth: membershipGrowth(records.organisations, year),
    news: records.news
      .filter((n) => inYear(n.date, year))
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((n) => ({ title: n.title, href: `/news/${n.slug}`, date: n.date })),
    publications: records.publications
      .filter((p) => inYear(p.date, year) && !options.omitPublications.includes(p.slug))
      .sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.title.localeCompare(b.title))
      .map((p) => ({
        title: p.title,
        href: `/publications/${p.slug}`,
        date: p.date,
        precision: p.precision,
        category: p.category,
      })),
    majorDocuments: options.majorDocuments.flatMap((slug) => {
      const p = pubsBySlug.get(slug);
      return p ? [{ title: p.title, href: `/publications/${p.slug}` }] : [];
    }),
    workingGroups: groups
      .filter((g) => g.kind === "working_group")
      .map((g) => ({
        title: g.name,
        href: `/groups/${g.slug}`,
        slug: g.slug,
        acronym: g.acronym,
        purpose: g.charter,
      })),
    teams: groups
      .filter((g) => g.kind !== "working_group")
      .map((g) => ({
        title: g.name,
        href: `/groups/${g.slug}`,
        slug: g.slug,
        acronym: g.acronym,
        kind: g.kind,
      }))
      .sort(byTitle),
    meetings: meetingEntries(records.meetings, year),
    assessments: records.assessments
      .filter((a) => a.status === "published" && inYear(a.endedOn, year))
      .map((a) => ({ title: a.title, href: `/technology/assessments/${a.slug}` }))
      .sort(byTitle),
    actionsClosed: records.actions
      .filter((a) => inYear(a.closedOn, year))
      .sort((a, b) => a.number - b.number)
      .map((a) => ({
        title: a.title,
        href: `/private/actions/${a.number}`,
        number: a.number,
        owner: a.owner,
      })),
    participation: participation(records, all, year),
    roundsInYear: records.roundsInYear,
  };
}

/** Members added and removed, publications and meetings of each year, and attendance by agency. */
export type ReportDiff = {
  membersAdded: string[];
  membersRemoved: string[];
  publications: { before: string[]; after: string[] };
  meetings: { before: string[]; after: string[] };
  attendance: Array<{ agency: string; before: number; after: number }>;
};

/** Compares a report (usually a draft) with an earlier edition (usually last year's, frozen). */
export function compareReports(before: ReportData, after: ReportData): ReportDiff {
  const acr = (d: ReportData) => new Set(d.members.byCountry.flatMap((c) => c.members.map((m) => m.acronym)));
  const a = acr(before);
  const b = acr(after);
  const attended = (d: ReportData) => new Map(d.participation.map((p) => [p.agency, p.meetingsAttended]));
  const pa = attended(before);
  const pb = attended(after);
  return {
    membersAdded: [...b].filter((x) => !a.has(x)).sort(),
    membersRemoved: [...a].filter((x) => !b.has(x)).sort(),
    publications: {
      before: before.publications.map((p) => p.title),
      after: after.publications.map((p) => p.title),
    },
    meetings: { before: before.meetings.map((m) => m.title), after: after.meetings.map((m) => m.title) },
    attendance: [...new Set([...pa.keys(), ...pb.keys()])]
      .sort()
      .map((agency) => ({ agency, before: pa.get(agency) ?? 0, after: pb.get(agency) ?? 0 }))
      .filter((r) => r.before !== r.after),
  };
}
