import { EmptyState, PageHeader, Pagination } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import { DataTable } from "../../../web/table.js";
import type { listAudit } from "../audit.queries.js";

type AuditEntry = Awaited<ReturnType<typeof listAudit>>["rows"][number];

/** The audit log: the filters, one row per recorded change, and the pages. */
export function AuditLog(p: {
  action: string;
  agency: string;
  rows: AuditEntry[];
  total: number;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  return (
    <>
      <PageHeader title="Audit log" lead={`${p.total} recorded ${p.total === 1 ? "change" : "changes"}.`} />
      <form method="get" action="/private/audit" class="filters">
        <label>
          Action starts with <input name="action" value={p.action} placeholder="organisation." />
        </label>
        <label>
          Agency <input name="agency" value={p.agency} placeholder="ESA" />
        </label>
        <button class="button button-quiet" type="submit">
          Filter
        </button>
      </form>
      <DataTable
        label="Audit entries"
        rows={p.rows}
        rowHeader={false}
        empty={<EmptyState title="No changes match these filters." />}
        columns={[
          { heading: "When", class: "nowrap", cell: (r) => formatTimestamp(r.at) },
          { heading: "Who", cell: (r) => r.actorName },
          { heading: "Agency", cell: (r) => r.agencyAcronym ?? "—" },
          { heading: "Action", cell: (r) => <code>{r.action}</code> },
          { heading: "What", cell: (r) => r.summary },
        ]}
      />
      <Pagination page={p.page} pages={p.pages} href={p.href} />
    </>
  );
}
