import { Hono } from "hono";
import { compareReports } from "../../../domain/annual-report.js";
import type { Person } from "../../../http/actor.js";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { notFound } from "../../../http/errors.js";
import { renderPrivate } from "../../../http/page.js";
import { PageHeader, TableScroll } from "../../../web/components.js";
import { buildReportDocument, type ReportDocument } from "../document/document.queries.js";
import { longDate } from "../document/outline.export.js";
import { findReport } from "../reports.queries.js";
import { requireReport } from "../reports.service.js";

function Lists({
  title,
  before,
  after,
  years,
}: {
  title: string;
  before: string[];
  after: string[];
  years: [number, number];
}) {
  return (
    <>
      <h2>{title}</h2>
      <div class="split">
        {[before, after].map((list, i) => (
          <section aria-label={`${title} ${years[i]}`}>
            <h3>{years[i]}</h3>
            {list.length ? (
              <ul>
                {list.map((x) => (
                  <li>{x}</li>
                ))}
              </ul>
            ) : (
              <p class="muted">None.</p>
            )}
          </section>
        ))}
      </div>
    </>
  );
}

/** A report (the draft) beside the previous year's edition: members, publications, meetings, attendance. */
export function reportCompareRoutes(guard: (c: AppContext) => Person) {
  const app = new Hono<AppEnv>();
  app.get("/private/reports/:year{[0-9]+}/compare", async (c) => {
    guard(c);
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
    const years: [number, number] = [year - 1, year];
    return renderPrivate(c, {
      title: `${year} compared with ${year - 1}`,
      body: () => (
        <>
          <PageHeader
            title={`The ${year} report compared with ${year - 1}`}
            lead={`${year - 1}: ${previous.status === "published" ? "the published edition, as frozen" : "a draft, from today's records"}. ${year}: ${report.status === "published" ? "from today's records" : "the draft"}.`}
          />
          <h2>Members</h2>
          <p>
            {before.data.members.total} on {longDate(before.data.membersAsOf)}, {after.data.members.total} on{" "}
            {longDate(after.data.membersAsOf)}. Added: {diff.membersAdded.join(", ") || "none"}. Removed:{" "}
            {diff.membersRemoved.join(", ") || "none"}.
          </p>
          <Lists
            title="Publications"
            before={diff.publications.before}
            after={diff.publications.after}
            years={years}
          />
          <Lists title="Meetings" before={diff.meetings.before} after={diff.meetings.after} years={years} />
          <h2>Attendance by agency</h2>
          {diff.attendance.length === 0 ? (
            <p class="muted">No agency's number of meetings attended changed.</p>
          ) : (
            <TableScroll label="Meetings attended by agency">
              <table>
                <caption>Meetings attended, where the number changed</caption>
                <thead>
                  <tr>
                    <th scope="col">Agency</th>
                    <th scope="col">{year - 1}</th>
                    <th scope="col">{year}</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.attendance.map((a) => (
                    <tr>
                      <th scope="row">{a.agency}</th>
                      <td class="num">{a.before}</td>
                      <td class="num">{a.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      ),
    });
  });
  return app;
}
