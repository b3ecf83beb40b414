import type { ReportDiff } from "../../../domain/annual-report.js";
import { PageHeader, TableScroll } from "../../../web/components.js";
import type { ReportDocument } from "../document/document.queries.js";
import { longDate } from "../document/outline.export.js";
import type { AnnualReport } from "../reports.queries.js";

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

/** The report beside the previous year's: members, publications, meetings, attendance. */
export function ReportComparison(p: {
  year: number;
  report: AnnualReport;
  previous: AnnualReport;
  before: ReportDocument;
  after: ReportDocument;
  diff: ReportDiff;
}) {
  const { year, report, previous, before, after, diff } = p;
  const years: [number, number] = [year - 1, year];
  return (
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
  );
}
