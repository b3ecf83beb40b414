import type { Config } from "../../config.js";
import type { MailMessage } from "../mail/mail.outbox.service.js";
import { statusToken } from "./inbox.tokens.service.js";

type Cfg = Pick<Config, "baseUrl" | "sessionSecret">;

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

/** The sender's private page for a message: where it stands, and the way to withdraw it. */
export const statusUrl = (config: Cfg, messageId: number) =>
  `${config.baseUrl}/contact/status?token=${statusToken(config.sessionSecret, messageId)}`;

function compose(m: {
  kind: string;
  to: string;
  subject: string;
  paragraphs: string[];
  link?: { url: string; label: string };
  dedupeKey?: string;
}): MailMessage {
  const text = [...m.paragraphs, ...(m.link ? [`${m.link.label}: ${m.link.url}`] : [])].join("\n\n");
  const html = `<!doctype html><html><body>${m.paragraphs.map((p) => `<p>${esc(p).replaceAll("\n", "<br>")}</p>`).join("")}${
    m.link ? `<p><a href="${esc(m.link.url)}">${esc(m.link.label)}</a></p>` : ""
  }</body></html>`;
  return { kind: m.kind, to: m.to, subject: m.subject, text: `${text}\n`, html, dedupeKey: m.dedupeKey };
}

type Sender = { id: number; email: string; subject: string };

/** The double opt-in: the message reaches the secretariat only once its link is followed. */
export function confirmInputMail(config: Cfg, s: Sender, token: string, secretariat: string): MailMessage {
  return compose({
    kind: "inbox.confirm",
    to: s.email,
    subject: `Confirm your message to the ${secretariat}`,
    paragraphs: [
      `Someone, probably you, wrote to the secretariat from our contact form: “${s.subject}”.`,
      "Please confirm within 7 days that you sent it. Until then nobody reads it; if you did not write it, ignore this mail and it will be deleted.",
    ],
    link: { url: `${config.baseUrl}/contact/confirm?token=${token}`, label: "Confirm your message" },
    dedupeKey: `inbox-confirm:${s.id}`,
  });
}

/** After confirmation: the reference and the private status link. */
export function acknowledgementMail(config: Cfg, s: Sender & { reference: string }): MailMessage {
  return compose({
    kind: "inbox.acknowledge",
    to: s.email,
    subject: `We received your message (${s.reference})`,
    paragraphs: [
      `Thank you. The secretariat received your message “${s.subject}” under the reference ${s.reference}.`,
      "The secretariat reads every message and passes relevant input on to the member agencies. The page below shows where your message stands; you can also withdraw it there, which deletes your personal details and attachments.",
      "Keep this link to yourself: anyone who has it can see the status of your message.",
    ],
    link: { url: statusUrl(config, s.id), label: "Where your message stands" },
    dedupeKey: `inbox-ack:${s.id}`,
  });
}

/** A text from the secretariat to the sender (a question, a decline, the answer). */
export function secretariatMail(
  config: Cfg,
  s: Sender & { reference: string },
  kind: "question" | "decline" | "answer",
  text: string,
  noteId: number,
): MailMessage {
  const intro = {
    question:
      "The secretariat would like to know more about your message. You can answer from the page below.",
    decline: "The secretariat has read your message.",
    answer: "The secretariat and the member agencies have considered your message. Here is their answer.",
  }[kind];
  return compose({
    kind: `inbox.${kind}`,
    to: s.email,
    subject: `About your message ${s.reference}: ${s.subject}`,
    paragraphs: [intro, text],
    link: { url: statusUrl(config, s.id), label: "Where your message stands" },
    dedupeKey: `inbox-note:${s.id}:${noteId}`,
  });
}

type Forwarded = { id: number; reference: string; subject: string; topic: string };

/** To each focal point of a receiving agency, once per message. */
export function forwardedMail(config: Cfg, m: Forwarded, person: { id: number; email: string }): MailMessage {
  return compose({
    kind: "inbox.forwarded",
    to: person.email,
    subject: `Public input ${m.reference} for your agency: ${m.subject}`,
    paragraphs: [
      `The secretariat has forwarded input from academia, industry or the public (topic: ${m.topic}) to your agency for its consideration.`,
      "Please acknowledge it in your agency's inbox and, if you wish, say whether your agency is interested or reply to the secretariat.",
    ],
    link: { url: `${config.baseUrl}/private/inbox/${m.id}`, label: "Open it in the inbox" },
    dedupeKey: `inbox-forward:${m.id}:${person.id}`,
  });
}

/** A reminder to a focal point of an agency that has not acknowledged after the set number of days. */
export function reminderMail(
  config: Cfg,
  m: Forwarded,
  person: { id: number; email: string },
  deliveryId: number,
  days: number,
): MailMessage {
  return compose({
    kind: "inbox.reminder",
    to: person.email,
    subject: `Reminder: public input ${m.reference} is waiting for your agency`,
    paragraphs: [
      `The secretariat forwarded “${m.subject}” to your agency ${days === 1 ? "a day" : `${days} days`} ago and it has not been acknowledged yet.`,
    ],
    link: { url: `${config.baseUrl}/private/inbox/${m.id}`, label: "Open it in the inbox" },
    dedupeKey: `inbox-reminder:${deliveryId}:${person.id}`,
  });
}
