import type { ReportDocument } from "./document.queries.js";
import { headingText, longDate, type RenderOptions, reportSections, yearFigures } from "./outline.export.js";

/** Escapes the characters that would turn a title into Markdown markup. */
const esc = (s: string) => s.replace(/([\\`*_[\]])/g, "\\$1");

/** A link with an absolute address when the site's base address is known. */
const link = (title: string, href: string, base: string) =>
  `[${esc(title)}](${href.startsWith("#") || href.startsWith("http") ? href : `${base}${href}`})`;

/** The report as one Markdown document, in the same order and with the same links as the web page. */
export function reportMarkdown(doc: ReportDocument, opts: RenderOptions, baseUrl: string): string {
  const d = doc.data;
  const sections = reportSections(doc, opts);
  const h = (id: string, level = 2) =>
    `${"#".repeat(level)} ${headingText(sections.find((s) => s.id === id)!)}`;
  const out: string[] = [`# ${doc.forum.acronym} Annual Report ${doc.year}`, "", `*${doc.forum.name}*`];
  if (doc.status === "draft") out.push("", "**Draft – not published.**");
  out.push("", doc.texts.introduction || doc.forum.purpose, "", "## Contents", "");
  for (const s of sections) out.push(`${s.level === 2 ? "  " : ""}- [${headingText(s)}](#${s.id})`);
  out.push("", h("executive-summary"), "", doc.texts["executive-summary"] || "_Not written yet._");
  out.push("", h("highlights"), "", doc.texts.highlights || "_Not written yet._");
  out.push(
    "",
    h("year-in-figures", 3),
    "",
    ...yearFigures(doc).map((f) => `- ${link(f.text, f.href, baseUrl)}`),
  );
  out.push("", "| Date | Meeting | Place | Agencies attending |", "| --- | --- | --- | --- |");
  for (const m of d.meetings) {
    const who =
      m.attendance.count === null
        ? "not recorded"
        : `${m.attendance.count}${m.attendance.recorded ? ` (${m.attendance.agencies.join(", ")})` : ""}`;
    out.push(`| ${longDate(m.date)} | ${link(m.title, m.href, baseUrl)} | ${esc(m.place ?? "")} | ${who} |`);
  }
  out.push("", h("outlook"));
  for (const o of doc.outlooks)
    out.push("", `### ${o.acronym ? `${o.title} (${o.acronym})` : o.title}`, "", o.body);
  if (doc.outlooks.length === 0) out.push("", "_No outlook has been written yet._");
  out.push("", h("events"), "", doc.texts.events || "_None recorded._");
  out.push("", h("annex-publications"), "", `### Web news ${doc.year}`, "");
  out.push(...(d.news.length ? d.news.map((n) => `- ${link(n.title, n.href, baseUrl)}`) : ["_None._"]));
  out.push("", `### Publications ${doc.year}`, "");
  out.push(
    ...(d.publications.length
      ? d.publications.map((p) => `- ${link(p.title, p.href, baseUrl)}`)
      : ["_None._"]),
  );
  if (d.majorDocuments.length) {
    out.push(
      "",
      "### Major documents",
      "",
      ...d.majorDocuments.map((p) => `- ${link(p.title, p.href, baseUrl)}`),
    );
  }
  out.push(
    "",
    h("annex-members"),
    "",
    `${d.members.total} organisations were members on ${longDate(d.membersAsOf)}.`,
  );
  for (const c of d.members.byCountry) {
    out.push(
      "",
      `**${esc(c.country)}**`,
      "",
      ...c.members.map((m) => `- ${link(m.name, m.href, baseUrl)} (${esc(m.acronym)})`),
    );
  }
  out.push("", h("annex-groups"));
  for (const g of d.workingGroups)
    out.push("", `### ${g.acronym ? `${g.title} (${g.acronym})` : g.title}`, "", g.purpose);
  const f = doc.forum;
  out.push("", h("annex-glance"), "", f.purpose, "", "### Principles", "");
  for (const p of f.principles) out.push(`- ${p.title}`, ...p.points.map((x) => `  - ${x}`));
  out.push("", "### Background", "", f.background, "", ...f.gesThemes.map((t) => `- ${t}`));
  out.push(
    "",
    "### Contact",
    "",
    [f.secretariat.name, ...f.secretariat.address, f.secretariat.email].join("  \n"),
  );
  if (opts.statistics) {
    out.push(
      "",
      h("annex-participation"),
      "",
      "| Agency | Meetings attended | Rounds answered | Actions owned | Actions closed |",
    );
    out.push("| --- | ---: | ---: | ---: | ---: |");
    for (const p of d.participation) {
      out.push(
        `| ${esc(p.agency)} | ${p.meetingsAttended} | ${p.roundsAnswered} | ${p.actionsOwned} | ${p.actionsClosed} |`,
      );
    }
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
}
