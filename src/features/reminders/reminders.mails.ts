import type { actionItems, meetings } from "../../db/schema/index.js";
import { instantToZoned } from "../../domain/time-zones.js";
import type { MailMessage } from "../mail/mail.outbox.service.js";
import type { Recipient } from "./reminders.queries.js";

type Meeting = typeof meetings.$inferSelect;
type Action = typeof actionItems.$inferSelect;

const base = (baseUrl: string) => baseUrl.replace(/\/+$/, "");

function when(m: Meeting): string {
  const local = (d: Date) => instantToZoned(d, m.timeZone).replace("T", " ");
  return m.precision === "time"
    ? `${local(m.startsAt)} to ${local(m.endsAt)} (${m.timeZone})`
    : `${local(m.startsAt).slice(0, 10)} to ${local(m.endsAt).slice(0, 10)}`;
}

function mail(to: Recipient, kind: string, key: string, subject: string, lines: string[]): MailMessage {
  const text = [
    `Dear ${to.name},`,
    ...lines,
    "You receive this reminder as a participant of the forum's private area.",
  ].join("\n\n");
  return { kind, to: to.email, subject, text, dedupeKey: `${key}:${to.id}` };
}

/** "Registration is open" for a newly planned meeting. */
export function registrationOpenMail(baseUrl: string, key: string, to: Recipient, m: Meeting): MailMessage {
  return mail(to, "reminder.registration", key, `Registration open: ${m.title}`, [
    `Registration is open for ${m.title}, ${when(m)}${m.place ? `, ${m.place}` : ""}.`,
    `Details and registration: ${base(baseUrl)}/meetings/${m.slug}`,
  ]);
}

/** "Next week" for the people registered for a meeting. */
export function meetingNextWeekMail(baseUrl: string, key: string, to: Recipient, m: Meeting): MailMessage {
  return mail(to, "reminder.meeting", key, `Next week: ${m.title}`, [
    `${m.title} takes place ${when(m)}${m.place ? `, ${m.place}` : ""}.`,
    `Agenda and details: ${base(baseUrl)}/meetings/${m.slug}`,
  ]);
}

/** An action due in a few days, or one that has become overdue. */
export function actionMail(
  baseUrl: string,
  key: string,
  to: Recipient,
  a: Action,
  overdue: boolean,
): MailMessage {
  const subject = overdue
    ? `Overdue action A-${a.number}: ${a.title}`
    : `Action A-${a.number} due on ${a.dueOn}`;
  return mail(to, overdue ? "reminder.action-overdue" : "reminder.action-due", key, subject, [
    overdue
      ? `Action A-${a.number}, “${a.title}”, was due on ${a.dueOn} and is still open.`
      : `Action A-${a.number}, “${a.title}”, is due on ${a.dueOn}.`,
    `Record its status or a note: ${base(baseUrl)}/private/actions/${a.number}`,
  ]);
}
