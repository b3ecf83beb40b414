import type { AppContext } from "../../http/env.js";
import { authorize, pageParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { canReadAuditLog } from "../directory/directory.policy.js";
import { listAudit } from "./audit.queries.js";
import { AuditLog } from "./views/audit-log.js";

const PER_PAGE = 50;

async function auditLog(c: AppContext) {
  authorize(canReadAuditLog(requirePerson(c)), "Only the secretariat can read the audit log.");
  const action = (c.req.query("action") ?? "").trim().slice(0, 60);
  const agency = (c.req.query("agency") ?? "").trim().slice(0, 20);
  const page = pageParam(c.req.query("page"));
  const { rows, total } = await listAudit(c.var.deps.db, { action, agency }, page, PER_PAGE);
  const href = (p: number) => `/private/audit?${new URLSearchParams({ action, agency, page: String(p) })}`;
  return renderPrivate(c, {
    title: "Audit log",
    body: () => (
      <AuditLog
        action={action}
        agency={agency}
        rows={rows}
        total={total}
        page={page}
        pages={Math.ceil(total / PER_PAGE)}
        href={href}
      />
    ),
  });
}

/** The audit log for the secretariat: who did what, for which agency, when. */
export const auditPages = pageGroup([["GET", "/private/audit", auditLog]]);
