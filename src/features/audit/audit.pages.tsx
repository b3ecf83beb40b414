import { Hono } from "hono";
import type { AppEnv } from "../../http/env.js";
import { authorize, pageParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { EmptyState, PageHeader, Pagination } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { DataTable } from "../../web/table.js";
import { canReadAuditLog } from "../directory/directory.policy.js";
import { listAudit } from "./audit.queries.js";

const PER_PAGE = 50;

/** The audit log for the secretariat: who did what, for which agency, when. */
export function auditPages() {
  const app = new Hono<AppEnv>();
  app.get("/private/audit", async (c) => {
    authorize(canReadAuditLog(requirePerson(c)), "Only the secretariat can read the audit log.");
    const action = (c.req.query("action") ?? "").trim().slice(0, 60);
    const agency = (c.req.query("agency") ?? "").trim().slice(0, 20);
    const page = pageParam(c.req.query("page"));
    const { rows, total } = await listAudit(c.var.deps.db, { action, agency }, page, PER_PAGE);
    const href = (p: number) => `/private/audit?${new URLSearchParams({ action, agency, page: String(p) })}`;
    return renderPrivate(c, {
      title: "Audit log",
      body: () => (
        <>
          <PageHeader title="Audit log" lead={`${total} recorded ${total === 1 ? "change" : "changes"}.`} />
          <form method="get" action="/private/audit" class="filters">
            <label>
              Action starts with <input name="action" value={action} placeholder="organisation." />
            </label>
            <label>
              Agency <input name="agency" value={agency} placeholder="ESA" />
            </label>
            <button class="button button-quiet" type="submit">
              Filter
            </button>
          </form>
          <DataTable
            label="Audit entries"
            rows={rows}
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
          <Pagination page={page} pages={Math.ceil(total / PER_PAGE)} href={href} />
        </>
      ),
    });
  });
  return app;
}
