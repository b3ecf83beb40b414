import { reminderLog } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { systemActor } from "../../http/actor.js";
import { write } from "../../kit/write.js";
import type { MailMessage } from "../mail/mail.outbox.service.js";
import { enqueueMail } from "../mail/mail.outbox.service.js";
import { actionMail, meetingNextWeekMail, registrationOpenMail } from "./reminders.mails.js";
import {
  actionAudience,
  actionsToRemind,
  forumMembers,
  groupAudience,
  meetingsNextWeek,
  meetingsOpenForRegistration,
  type Recipient,
  registeredPeople,
} from "./reminders.queries.js";

/** Days before its due date that an action's owner is reminded. */
export const ACTION_DUE_DAYS = 3;

/**
 * Sends one reminder exactly once: the reminder log's unique key is claimed in the same transaction
 * that queues the mail, so a second run (or another instance) finds the key taken and sends nothing.
 */
async function sendOnce(
  deps: Deps,
  key: string,
  kind: string,
  recipients: Recipient[],
  compose: (r: Recipient) => MailMessage,
) {
  if (recipients.length === 0) return 0;
  return write(
    deps,
    systemActor("reminders"),
    async (tx, audit) => {
      const claimed = await tx
        .insert(reminderLog)
        .values({ key, kind, recipients: recipients.length, sentAt: deps.now() })
        .onConflictDoNothing({ target: reminderLog.key })
        .returning({ id: reminderLog.id });
      if (claimed.length === 0) return 0;
      const queued = await enqueueMail(tx, recipients.map(compose), deps.now());
      await audit({
        action: "reminder.send",
        subjectType: "reminder",
        subjectId: key,
        summary: `Reminder ${key} to ${queued} people`,
      });
      return queued;
    },
    { invalidatesPages: false },
  );
}

/** Registration open (to the forum, or the group's agencies) and next week (to those registered). */
async function meetingReminders(deps: Deps, now: Date): Promise<number> {
  let sent = 0;
  const base = deps.config.baseUrl;
  for (const m of await meetingsOpenForRegistration(deps.db, now)) {
    const key = `registration-open:${m.id}`;
    const audience =
      m.groupId === null ? await forumMembers(deps.db) : await groupAudience(deps.db, m.groupId);
    sent += await sendOnce(deps, key, "registration-open", audience, (r) =>
      registrationOpenMail(base, key, r, m),
    );
  }
  for (const m of await meetingsNextWeek(deps.db, now)) {
    const key = `meeting-week:${m.id}`;
    const audience = await registeredPeople(deps.db, m.id);
    sent += await sendOnce(deps, key, "meeting-week", audience, (r) => meetingNextWeekMail(base, key, r, m));
  }
  return sent;
}

/** Actions due within three days, and actions that have just become overdue (keyed by due date). */
async function actionReminders(deps: Deps, now: Date): Promise<number> {
  let sent = 0;
  const base = deps.config.baseUrl;
  const { dueSoon, overdue } = await actionsToRemind(
    deps.db,
    now.toISOString().slice(0, 10),
    ACTION_DUE_DAYS,
  );
  for (const [list, late] of [
    [dueSoon, false],
    [overdue, true],
  ] as const) {
    for (const a of list) {
      // A new due date is a new reminder; the same due date is never reminded twice.
      const key = `${late ? "action-overdue" : "action-due"}:${a.id}:${a.dueOn}`;
      const audience = await actionAudience(deps.db, a);
      sent += await sendOnce(deps, key, late ? "action-overdue" : "action-due", audience, (r) =>
        actionMail(base, key, r, a, late),
      );
    }
  }
  return sent;
}

/** Queues every reminder that is due now and was never sent; returns how many mails were queued. */
export async function sendDueReminders(deps: Deps): Promise<number> {
  const now = deps.now();
  return (await meetingReminders(deps, now)) + (await actionReminders(deps, now));
}
