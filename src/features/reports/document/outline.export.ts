import { formatPartialDate } from "../../../web/format.js";
import type { ReportDocument } from "./document.queries.js";

/** One heading of the report, shared by the web page, the Markdown and the PDF. */
export type Section = { id: string; label: string; title: string; level: 1 | 2 };

/** "March 2023" from "2023-03-31". */
export const monthYear = (iso: string) => formatPartialDate(iso, "month");

/** "7 December 2023" from "2023-12-07". */
export const longDate = (iso: string) => `${Number(iso.slice(8, 10))} ${monthYear(iso)}`;

/** A date as precisely as it is known: "2023", "May 2023" or "23 May 2023". */
export const partialDate = (iso: string | null, precision: "year" | "month" | "day" | null) =>
  iso === null
    ? ""
    : precision === "year"
      ? iso.slice(0, 4)
      : precision === "month"
        ? monthYear(iso)
        : longDate(iso);

/** Whether the participation statistics are part of this rendering. */
export type RenderOptions = { statistics: boolean };

/** The report's headings in order, numbered as in the printed report (1 to 3, then the annexes). */
export function reportSections(doc: ReportDocument, opts: RenderOptions): Section[] {
  const y = doc.year;
  const sections: Section[] = [
    { id: "executive-summary", label: "1", title: "Executive summary", level: 1 },
    { id: "highlights", label: "2", title: `Highlights and achievements in ${y}`, level: 1 },
    { id: "year-in-figures", label: "2.1", title: `The year in figures`, level: 2 },
    { id: "outlook", label: "3", title: `Outlook for ${y + 1}`, level: 1 },
    { id: "events", label: "", title: `Major international events in ${y}`, level: 1 },
    { id: "annex-publications", label: "Annex I", title: "Publications", level: 1 },
    {
      id: "annex-members",
      label: "Annex II",
      title: `Members (as of ${longDate(doc.data.membersAsOf)})`,
      level: 1,
    },
    { id: "annex-groups", label: "Annex III", title: "Working groups", level: 1 },
    { id: "annex-glance", label: "Annex IV", title: `${doc.forum.acronym} at a glance`, level: 1 },
  ];
  if (opts.statistics) {
    sections.push({ id: "annex-participation", label: "Annex V", title: `Participation in ${y}`, level: 1 });
  }
  return sections;
}

/** The heading text with its number: "1 Executive summary", "Annex I – Publications". */
export const headingText = (s: Section) =>
  s.label === ""
    ? s.title
    : s.label.startsWith("Annex")
      ? `${s.label} – ${s.title}`
      : `${s.label} ${s.title}`;

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);

/** The year's figures as sentences, each with the address of the records it counts. */
export function yearFigures(doc: ReportDocument): Array<{ text: string; href: string }> {
  const d = doc.data;
  const attended = d.meetings.filter((m) => m.attendance.count !== null);
  const figures = [
    {
      text: `${d.members.total} member organisations on ${longDate(d.membersAsOf)}${d.members.joinedInYear.length ? `, ${d.members.joinedInYear.length} of them joined in ${d.year} (${d.members.joinedInYear.map((m) => m.acronym).join(", ")})` : ""}`,
      href: d.members.href,
    },
    {
      text: `${d.meetings.length} ${d.meetings.length === 1 ? "meeting or workshop" : "meetings and workshops"} held`,
      href: "#year-in-figures",
    },
    ...attended.map((m) => ({
      text: `${m.attendance.count} agencies attended ${m.title} (${longDate(m.date)})`,
      href: m.href,
    })),
    {
      text: `${d.news.length} news articles and ${d.publications.length} publications posted`,
      href: "#annex-publications",
    },
    {
      text: `${d.assessments.length} technology gap ${plural(d.assessments.length, "assessment")} published`,
      href: "/technology",
    },
    {
      text: `${d.workingGroups.length} working groups and ${d.teams.length} teams active`,
      href: "#annex-groups",
    },
  ];
  if (d.actionsClosed.length > 0) {
    figures.push({
      text: `${d.actionsClosed.length} actions closed`,
      href: "/private/actions?status=closed",
    });
  }
  return figures;
}
