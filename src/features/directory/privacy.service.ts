import { desc, eq, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  apiTokens,
  auditLog,
  calendarTokens,
  mailSuppressions,
  outbox,
  people,
  sessions,
  ssoIdentities,
} from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, invalid, notFound } from "../../http/errors.js";
import { deleteSessionsOf } from "../../http/sessions.js";
import { write } from "../../kit/write.js";
import { canManageDirectory } from "./directory.policy.js";
import { findPerson } from "./directory.queries.js";

/**
 * Tables that keep a copy of a person's name beside their id, so records stay readable after the
 * person leaves. Erasing a person rewrites these copies; the records themselves stay (the forum's
 * history), attributed to an anonymous label. Rows written before a table kept the id (id null)
 * are matched by the exact name.
 */
const NAME_COPIES: { table: string; id: string; name: string }[] = [
  { table: "audit_log", id: "actor_id", name: "actor_name" },
  { table: "action_events", id: "actor_id", name: "actor_name" },
  { table: "inbox_notes", id: "author_id", name: "author_name" },
  { table: "meeting_minutes", id: "author_id", name: "author_name" },
  { table: "meeting_minutes", id: "approved_by_id", name: "approved_by_name" },
  { table: "news_revisions", id: "author_id", name: "author_name" },
  { table: "content_page_revisions", id: "author_id", name: "author_name" },
  { table: "annual_report_text_revisions", id: "author_id", name: "author_name" },
  { table: "mission_proposals", id: "proposed_by_id", name: "proposed_by_name" },
  { table: "api_tokens", id: "created_by_id", name: "created_by_name" },
  { table: "api_tokens", id: "revoked_by_id", name: "revoked_by_name" },
  { table: "mission_revisions", id: "actor_id", name: "actor_name" },
  { table: "mission_proposals", id: "decided_by_id", name: "decided_by_name" },
  { table: "forum_revisions", id: "author_id", name: "author_name" },
];

/** A whole-word pattern for a literal text (a name "Ann Lee" must not match inside "Ann Leeds"). */
const wholeWords = (text: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "gu");

/**
 * The audit log's summaries and details quote people ("Invited Ann Lee <ann@…>", "Ended every
 * session of Ann Lee"): an erasure replaces the person's name and e-mail address there too.
 */
async function scrubAuditTexts(tx: Db, person: { name: string; email: string }, label: string) {
  const rows = await tx
    .select({ id: auditLog.id, summary: auditLog.summary, details: auditLog.details })
    .from(auditLog)
    .where(
      sql`strpos(${auditLog.summary} || coalesce(${auditLog.details}::text, ''), ${person.name}) > 0
          or strpos(lower(${auditLog.summary} || coalesce(${auditLog.details}::text, '')), ${person.email.toLowerCase()}) > 0`,
    );
  const name = wholeWords(person.name);
  const email = new RegExp(wholeWords(person.email).source, "giu");
  const scrub = (text: string) => text.replace(email, `erased-address`).replace(name, label);
  for (const row of rows) {
    const details = row.details === null ? null : JSON.parse(scrub(JSON.stringify(row.details)));
    await tx
      .update(auditLog)
      .set({ summary: scrub(row.summary), details })
      .where(eq(auditLog.id, row.id));
  }
}

/** The label an erased person's records carry from then on. */
export const erasedLabel = (id: number) => `Former participant #${id}`;

async function personOrThrow(deps: Deps, actor: Actor, id: number) {
  if (!canManageDirectory(actor)) throw forbidden("Only the secretariat handles personal data requests.");
  const found = await findPerson(deps.db, id);
  if (!found) throw notFound("The person");
  return found;
}

/** Everything the platform holds about one person, as one JSON document (GDPR access request). */
export async function exportPersonalData(deps: Deps, actor: Actor, id: number) {
  const { person, acronym } = await personOrThrow(deps, actor, id);
  const { passwordHash, ...record } = person;
  const data = await collect(deps.db, id, person.email);
  await write(
    deps,
    actor,
    (_tx, audit) =>
      audit({
        action: "person.export",
        subjectType: "person",
        subjectId: id,
        summary: `Exported the personal data of person #${id}`,
      }),
    { invalidatesPages: false },
  );
  return {
    exportedAt: deps.now().toISOString(),
    person: { ...record, organisation: acronym, hasPassword: passwordHash !== null },
    ...data,
  };
}

async function collect(db: Db, id: number, email: string) {
  const mine = or(
    eq(auditLog.actorId, id),
    sql`${auditLog.subjectType} = 'person' and ${auditLog.subjectId} = ${String(id)}`,
  );
  return {
    sessions: await db
      .select({
        createdAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
        ip: sessions.ip,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(eq(sessions.personId, id)),
    apiTokens: await db
      .select({
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .where(eq(apiTokens.createdById, id)),
    singleSignOn: await db
      .select({
        issuer: ssoIdentities.issuer,
        subject: ssoIdentities.subject,
        createdAt: ssoIdentities.createdAt,
        lastUsedAt: ssoIdentities.lastUsedAt,
      })
      .from(ssoIdentities)
      .where(eq(ssoIdentities.personId, id)),
    calendarFeeds: await db
      .select({ createdAt: calendarTokens.createdAt, revokedAt: calendarTokens.revokedAt })
      .from(calendarTokens)
      .where(eq(calendarTokens.personId, id)),
    mail: await db
      .select({ subject: outbox.subject, createdAt: outbox.createdAt, status: outbox.status })
      .from(outbox)
      .where(sql`lower(${outbox.toAddress}) = ${email.toLowerCase()}`),
    activity: await db
      .select({ at: auditLog.at, action: auditLog.action, summary: auditLog.summary })
      .from(auditLog)
      .where(mine)
      .orderBy(desc(auditLog.at))
      .limit(10_000),
  };
}

/**
 * Erases a person (GDPR): their name, e-mail, job title and password go, their sessions, tokens and
 * feeds end, and every stored copy of their name becomes an anonymous label. The row stays, inactive,
 * so the forum's records keep a consistent author.
 */
export async function erasePerson(deps: Deps, actor: Actor, id: number): Promise<void> {
  const { person } = await personOrThrow(deps, actor, id);
  if (actor.kind === "person" && actor.id === id)
    throw invalid({ _form: "You cannot erase your own account; ask another secretariat member." });
  const label = erasedLabel(id);
  const now = deps.now();
  await write(deps, actor, async (tx, audit) => {
    await tx
      .update(people)
      .set({
        name: label,
        email: `erased-${id}@invalid`,
        jobTitle: null,
        passwordHash: null,
        active: false,
        mailOptOut: [],
        updatedAt: now,
      })
      .where(eq(people.id, id));
    await deleteSessionsOf(tx, id);
    // The identity at the agency's provider is personal data too, and must not sign anyone in again.
    await tx.delete(ssoIdentities).where(eq(ssoIdentities.personId, id));
    await tx
      .update(apiTokens)
      .set({ revokedAt: now, revokedByName: "erasure" })
      .where(sql`${apiTokens.createdById} = ${id} and ${apiTokens.revokedAt} is null`);
    await tx
      .update(calendarTokens)
      .set({ revokedAt: now })
      .where(sql`${calendarTokens.personId} = ${id} and ${calendarTokens.revokedAt} is null`);
    for (const c of NAME_COPIES) {
      const [idCol, nameCol] = [sql.identifier(c.id), sql.identifier(c.name)];
      await tx.execute(
        sql`update ${sql.identifier(c.table)} set ${nameCol} = ${label}
            where ${idCol} = ${id} or (${idCol} is null and ${nameCol} = ${person.name})`,
      );
    }
    await scrubAuditTexts(tx, person, label);
    // No mail, queued or sent, keeps the address of an erased person; nor does the suppression list.
    await tx.delete(outbox).where(sql`lower(${outbox.toAddress}) = ${person.email.toLowerCase()}`);
    await tx.delete(mailSuppressions).where(eq(mailSuppressions.address, person.email.toLowerCase()));
    await audit({
      action: "person.erase",
      subjectType: "person",
      subjectId: id,
      summary: `Erased the personal data of ${label}`,
    });
  });
}
