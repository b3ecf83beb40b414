import type { Db } from "../db/client.js";
import { auditLog } from "../db/schema/index.js";
import type { Deps } from "../deps.js";
import type { Actor } from "../http/actor.js";

/** What a write says about itself in the audit log. */
export type AuditEntry = {
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  summary: string;
  details?: Record<string, unknown>;
};

/**
 * Runs a write in one transaction that also appends to the audit log, then invalidates
 * cached pages. Every use case that changes data goes through here.
 */
export async function write<T>(
  deps: Pick<Deps, "db" | "cache">,
  actor: Actor,
  fn: (tx: Db, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>,
  opts: { invalidatesPages?: boolean } = {},
): Promise<T> {
  const result = await deps.db.transaction(async (tx) => {
    const audit = (entry: AuditEntry) => recordAudit(tx, actor, entry);
    return fn(tx, audit);
  });
  // Sessions and other private records do not show on public pages, only on signed-in ones.
  if (opts.invalidatesPages !== false) deps.cache.invalidate();
  else deps.cache.invalidateSignedIn();
  return result;
}

async function recordAudit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.kind === "person" ? actor.id : null,
    actorName: actor.kind === "person" ? actor.name : actor.kind === "system" ? actor.name : "visitor",
    agencyId: actor.kind === "person" ? actor.organisationId : null,
    agencyAcronym: actor.kind === "person" ? actor.organisationAcronym : null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId == null ? null : String(entry.subjectId),
    summary: entry.summary,
    details: entry.details ?? null,
    requestId: actor.kind === "system" ? null : (actor.requestId ?? null),
  });
}
