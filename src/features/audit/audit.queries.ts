import { and, count, desc, eq, ilike } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditLog } from "../../db/schema/index.js";

export type AuditFilter = { action?: string; agency?: string; subjectType?: string; subjectId?: string };

/** A page of audit entries, newest first. */
export async function listAudit(db: Db, f: AuditFilter, page: number, perPage: number) {
  const where = and(
    f.action ? ilike(auditLog.action, `${f.action}%`) : undefined,
    f.agency ? eq(auditLog.agencyAcronym, f.agency) : undefined,
    f.subjectType ? eq(auditLog.subjectType, f.subjectType) : undefined,
    f.subjectId ? eq(auditLog.subjectId, f.subjectId) : undefined,
  );
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  return { rows, total: total?.n ?? 0 };
}
