import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { serveStoredFile } from "../publications/publications.download.export.js";
import type { ReportDocument } from "./document/document.queries.js";
import { reportMarkdown } from "./document/markdown.export.js";
import { reportPdf } from "./document/pdf.export.js";
import { canSeeDraftReport, canSeeReportStatistics } from "./reports.policy.js";
import { findFiledReportPublication, findReport, listReports } from "./reports.queries.js";
import { reportForReader } from "./reports.service.js";
import { PublishedReports } from "./views/published-reports.js";
import { ReportView } from "./views/report.view.js";

/**
 * The PDF filed in the library when the edition was published, if it is the one this reader gets:
 * served as stored (ETag, ranges) instead of drawn again on every request.
 */
async function libraryPdf(c: AppContext, doc: ReportDocument, statistics: boolean) {
  if (doc.status !== "published" || statistics !== doc.statisticsPublic) return undefined;
  const p = await findFiledReportPublication(c.var.deps.db, doc.year);
  if (!p?.fileSha256 || p.category !== "annual_report") return undefined;
  return serveStoredFile(c, {
    sha256: p.fileSha256,
    name: `annual-report-${doc.year}.pdf`,
    type: "application/pdf",
  });
}

/** Reads `2023`, `2023.md` or `2023.pdf` from the address; anything else is not a report. */
function parseFile(file: string): { year: number; format: "html" | "md" | "pdf" } {
  const m = /^(\d{4})(?:\.(md|pdf))?$/.exec(file);
  if (!m) throw notFound("This report");
  return { year: Number(m[1]), format: (m[2] as "md" | "pdf" | undefined) ?? "html" };
}

/** The report a reader gets, and whether the participation statistics are part of it. */
export async function readReport(c: AppContext, year: number) {
  const deps = c.var.deps;
  const draft = c.req.query("draft") === "1";
  const doc = await reportForReader(deps, c.var.actor, year, { draft });
  const report = await findReport(deps.db, year);
  const statistics = canSeeReportStatistics(c.var.actor, report?.settings.statisticsPublic ?? false);
  return { doc, statistics };
}

/** Sends a rendered report in the asked format. */
export async function sendReport(
  c: AppContext,
  doc: ReportDocument,
  format: "html" | "md" | "pdf",
  statistics: boolean,
) {
  const opts = { statistics };
  // A draft changes with every record; nobody should keep a copy of it.
  const cache: Record<string, string> =
    doc.status === "draft" ? { "Cache-Control": "private, no-store" } : {};
  if (format === "md") {
    return c.body(reportMarkdown(doc, opts, c.var.deps.config.baseUrl), 200, {
      "Content-Type": "text/markdown; charset=utf-8",
      ...cache,
    });
  }
  if (format === "pdf") {
    const stored = await libraryPdf(c, doc, statistics);
    if (stored) return stored;
    const bytes = await reportPdf(doc, opts);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="annual-report-${doc.year}${doc.status === "draft" ? "-draft" : ""}.pdf"`,
      ...cache,
    });
  }
  if (doc.status === "draft") c.header("Cache-Control", "private, no-store");
  const editable = canSeeDraftReport(c.var.actor);
  return renderPage(c, {
    title: `Annual Report ${doc.year}`,
    description: `The ${doc.forum.acronym} annual report on ${doc.year}: summary, highlights, outlook, publications, members and working groups.`,
    body: () => (
      <ReportView
        doc={doc}
        opts={opts}
        actions={
          editable ? (
            <p>
              <a href={`/private/reports/${doc.year}`}>Work on this report</a>
            </p>
          ) : undefined
        }
      />
    ),
  });
}

async function publishedReports(c: AppContext) {
  const published = (await listReports(c.var.deps.db)).filter((r) => r.status === "published");
  return renderPage(c, {
    title: "Annual reports",
    description: "The forum's annual reports: what it did each year, who took part, and what came next.",
    body: () => <PublishedReports published={published} />,
  });
}

/** One report in the format its address asks for. */
async function report(c: AppContext) {
  const { year, format } = parseFile(c.req.param("file") ?? "");
  const { doc, statistics } = await readReport(c, year);
  return sendReport(c, doc, format, statistics);
}

/** `/reports/{year}` (also `.md`, `.pdf`): public once published; a draft only for those who write it. */
export const reportPages = pageGroup([
  ["GET", "/reports", publishedReports],
  ["GET", "/reports/:file", report],
]);
