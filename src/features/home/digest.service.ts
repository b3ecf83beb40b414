import { and, eq, like, not, sql } from "drizzle-orm";
import { organisations, people, reminderLog } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { type Person, systemActor } from "../../http/actor.js";
import { write } from "../../kit/write.js";
import { plural } from "../../web/words.js";
import { enqueueMail, type MailMessage } from "../mail/mail.outbox.service.js";
import type { WaitingItem } from "./waiting.queries.js";
import { waitingCount, waitingFor } from "./waiting.service.js";

/** The ISO 8601 week of an instant in UTC ("2031-W05"): a digest goes once per week. */
export function isoWeek(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  // The Thursday of this week decides the week's year.
  day.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const jan1 = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((day.getTime() - jan1) / 86_400_000 / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** The digest: the same waiting lists as the home page, one line each with its link. */
export function digestMail(baseUrl: string, week: string, to: Person, items: WaitingItem[]): MailMessage {
  const base = baseUrl.replace(/\/+$/, "");
  const lines = items.map((i) => `- ${i.title}\n  ${i.detail}\n  ${base}${i.href}`);
  const text = [
    `Dear ${to.name},`,
    `What is waiting on you${to.organisationAcronym ? ` and ${to.organisationAcronym}` : ""} this week, oldest first:`,
    lines.join("\n\n"),
    `Your home page keeps the list up to date: ${base}/private`,
    `You get this weekly digest because it is on in your mail choices: ${base}/private/account`,
  ].join("\n\n");
  return {
    kind: "digest.weekly",
    to: to.email,
    subject: `Waiting on you: ${plural(waitingCount(items), "item")} (week ${week})`,
    text,
    dedupeKey: `digest:${week}:${to.id}`,
  };
}

/** Active people who have not turned the digest off and have not had this week's, as actors. */
async function recipients(deps: Deps, week: string): Promise<Person[]> {
  const done = new Set(
    (
      await deps.db
        .select({ key: reminderLog.key })
        .from(reminderLog)
        .where(like(reminderLog.key, `digest:${week}:%`))
    ).map((r) => r.key),
  );
  const rows = await deps.db
    .select({ p: people, acronym: organisations.acronym })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(eq(people.active, true), not(sql`'digest' = any(${people.mailOptOut})`)));
  return rows
    .filter((r) => !done.has(`digest:${week}:${r.p.id}`))
    .map((r) => ({
      kind: "person",
      id: r.p.id,
      name: r.p.name,
      email: r.p.email,
      organisationId: r.p.organisationId,
      organisationAcronym: r.acronym,
      roles: r.p.roles,
    }));
}

/**
 * Mails each person who wants it what is waiting on them, once per ISO week: the reminder log's key
 * is claimed in the transaction that queues the mail, so a restart or a second instance sends nothing
 * twice. Nobody gets an empty digest.
 */
export async function sendWeeklyDigests(deps: Deps): Promise<number> {
  const week = isoWeek(deps.now());
  let sent = 0;
  for (const person of await recipients(deps, week)) {
    const w = await waitingFor(deps, person);
    const items = [...w.mine, ...(w.chair ?? []), ...(w.secretariat ?? [])];
    if (items.length === 0) continue;
    const key = `digest:${week}:${person.id}`;
    sent += await write(
      deps,
      systemActor("digest"),
      async (tx, audit) => {
        const claimed = await tx
          .insert(reminderLog)
          .values({ key, kind: "digest", recipients: 1, sentAt: deps.now() })
          .onConflictDoNothing({ target: reminderLog.key })
          .returning({ id: reminderLog.id });
        if (claimed.length === 0) return 0;
        const queued = await enqueueMail(
          tx,
          digestMail(deps.config.baseUrl, week, person, items),
          deps.now(),
        );
        await audit({
          action: "digest.send",
          subjectType: "person",
          subjectId: person.id,
          summary: `Weekly digest for week ${week} to ${person.name}`,
        });
        return queued;
      },
      { invalidatesPages: false },
    );
  }
  return sent;
}
