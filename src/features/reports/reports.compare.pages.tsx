import { compareReports } from "../../domain/annual-report.js";
import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { buildReportDocument, type ReportDocument } from "./document/document.queries.js";
import { findReport } from "./reports.queries.js";
import { requireReport } from "./reports.service.js";
import { ReportComparison } from "./views/report-comparison.js";
import { reportWriter } from "./writers.pages.js";

async function compareWithPreviousYear(c: AppContext) {
  reportWriter(c);
  const year = Number(c.req.param("year"));
  const report = await requireReport(c.var.deps.db, year);
  const previous = await findReport(c.var.deps.db, year - 1);
  if (!previous) throw notFound(`The ${year - 1} annual report`);
  const before =
    previous.status === "published"
      ? (previous.snapshot as unknown as ReportDocument)
      : await buildReportDocument(c.var.deps, previous);
  const after = await buildReportDocument(c.var.deps, report);
  const diff = compareReports(before.data, after.data);
  return renderPrivate(c, {
    title: `${year} compared with ${year - 1}`,
    body: () => (
      <ReportComparison
        year={year}
        report={report}
        previous={previous}
        before={before}
        after={after}
        diff={diff}
      />
    ),
  });
}

/** A report (the draft) beside the previous year's edition: members, publications, meetings, attendance. */
export const reportComparePages = pageGroup([
  ["GET", "/private/reports/:year{[0-9]+}/compare", compareWithPreviousYear],
]);
