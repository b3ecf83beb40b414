import { eq } from "drizzle-orm";
import { people } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, invalid } from "../../http/errors.js";
import { write } from "../../kit/write.js";

/** The kinds of mail a person may turn off on their account page (the rest is always sent). */
export const mailCategories = {
  review: "Review rounds: a round opens, its deadline moves",
  reminders: "Reminders: meeting registration, the meeting next week, actions due or overdue",
  digest: "Weekly digest: what is waiting on you and your agency (only in weeks when something is)",
} as const;
export type MailCategory = keyof typeof mailCategories;

/** Which category a mail kind belongs to; null for mail a person always gets (sign-in, invitations …). */
export function categoryOf(kind: string): MailCategory | null {
  if (kind === "review_round" || kind.startsWith("review_round.")) return "review";
  if (kind.startsWith("reminder.")) return "reminders";
  if (kind.startsWith("digest.")) return "digest";
  return null;
}

/** The categories a person turned off. */
export async function mailOptOutOf(deps: Pick<Deps, "db">, personId: number): Promise<string[]> {
  const [row] = await deps.db.select({ o: people.mailOptOut }).from(people).where(eq(people.id, personId));
  return row?.o ?? [];
}

/**
 * A person chooses which kinds of mail they get (`receive` lists the categories kept; a form sends the
 * ticked boxes). Only for themself; audited.
 */
export async function setMailPreferences(deps: Deps, actor: Actor, raw: unknown): Promise<void> {
  if (actor.kind !== "person") throw forbidden("Sign in to choose your mail.");
  const body = (raw ?? {}) as Record<string, unknown>;
  const receive = new Set([body.receive ?? []].flat().map(String));
  const unknown = [...receive].filter((c) => !(c in mailCategories));
  if (unknown.length) throw invalid({ receive: `There is no kind of mail ${unknown.join(", ")}.` });
  const optOut = Object.keys(mailCategories).filter((c) => !receive.has(c));
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx.update(people).set({ mailOptOut: optOut }).where(eq(people.id, actor.id));
      await audit({
        action: "person.mail",
        subjectType: "person",
        subjectId: actor.id,
        summary: optOut.length
          ? `Chose not to get mail about: ${optOut.map((c) => c).join(", ")}`
          : "Chose to get every kind of mail",
        details: { optOut },
      });
    },
    { invalidatesPages: false },
  );
}
