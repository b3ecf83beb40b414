import { PageHeader } from "../../../web/components.js";
import type { listReports } from "../reports.queries.js";

/** The published reports, each as a page, a PDF and Markdown; earlier ones are in the library. */
export function PublishedReports({ published }: { published: Awaited<ReturnType<typeof listReports>> }) {
  return (
    <div class="wrap">
      <PageHeader
        title="Annual reports"
        lead="What the forum did each year, who took part, and what came next."
      />
      {published.length === 0 ? (
        <p class="muted">No annual report has been published here yet.</p>
      ) : (
        <ul>
          {published.map((r) => (
            <li>
              <a href={`/reports/${r.year}`}>Annual Report {r.year}</a> ·{" "}
              <a href={`/reports/${r.year}.pdf`}>PDF</a> · <a href={`/reports/${r.year}.md`}>Markdown</a>
            </li>
          ))}
        </ul>
      )}
      <p>
        Earlier reports are in the <a href="/publications?category=annual_report">publications library</a>.
      </p>
    </div>
  );
}
