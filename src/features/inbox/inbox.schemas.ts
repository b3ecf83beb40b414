// Zod with `.openapi()`: the API documents its request bodies with these schemas.

import { z } from "@hono/zod-openapi";
import {
  type AgencyInterest,
  agencyInterests,
  type InputStatus,
  type SenderKind,
  senderKinds,
} from "../../db/schema/index.js";
import { groupDigits } from "../../kit/numbers.js";
import { optionalText } from "../../kit/zod.js";

/** Human labels of the kinds of sender, in the form's order. */
export const senderKindLabels: Record<SenderKind, string> = {
  university: "University or research institute",
  company: "Company",
  association: "Association or society",
  individual: "Individual",
  other: "Other",
};

/** What the secretariat and agencies read for each state. */
export const statusLabels: Record<InputStatus, string> = {
  unconfirmed: "Waiting for the sender to confirm",
  new: "New",
  awaiting_sender: "Asked the sender for more",
  forwarded: "Forwarded",
  answered: "Answered",
  spam: "Spam",
  out_of_scope: "Out of scope",
  merged: "Merged into another",
  withdrawn: "Withdrawn by the sender",
};

export const interestLabels: Record<AgencyInterest, string> = {
  interested: "Interested",
  not_interested: "Not interested",
};

/** At most this many PDFs per message, each at most this large, together at most the total. */
export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Longest message text, in characters. */
export const MAX_MESSAGE_CHARS = 20_000;

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `Use at most ${groupDigits(max)} characters.`);

/** The public form at /contact (attachments travel separately). */
export const contactInput = z.object({
  name: text("your name", 200),
  email: z
    .string({ error: "Enter your e-mail address." })
    .trim()
    .min(1, "Enter your e-mail address.")
    .max(254, "An e-mail address has at most 254 characters.")
    .pipe(z.email("Enter a valid e-mail address, like name@example.org.")),
  organisation: optionalText(200),
  kind: z.enum(senderKinds, { error: "Choose what kind of sender you are." }),
  country: optionalText(100),
  topic: z.string({ error: "Choose a topic." }).trim().min(1, "Choose a topic."),
  subject: text("a subject", 200),
  message: text("your message", MAX_MESSAGE_CHARS),
  consent: z
    .union([z.literal("on"), z.literal("true"), z.literal(true)], {
      error: "Agree that the forum passes your message and contact details to its member agencies.",
    })
    .transform(() => true),
});

/** Tags as typed in one field, separated by commas: lower-case, unique, at most 10. */
export const tagList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    [
      ...new Set(
        (Array.isArray(v) ? v : (v ?? "").split(",")).map((s) => s.trim().toLowerCase()).filter(Boolean),
      ),
    ].slice(0, 10),
  )
  .refine((v) => v.every((t) => t.length <= 40), "Each tag has at most 40 characters.");

/** Tags and working group chosen by the secretariat. */
export const classifyInput = z.object({
  tags: tagList,
  group: optionalText(100),
});

/** Forwarding: every member agency unless some are chosen, then with a reason. */
export const forwardInput = z
  .object({
    agencies: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : [v].flat().filter(Boolean))),
    reason: optionalText(500),
  })
  .refine((v) => v.agencies.length === 0 || v.reason, {
    message: "Say why only these agencies receive it.",
    path: ["reason"],
  });

/** A text written to the sender or to the secretariat. */
export const noteInput = z.object({ text: text("a text", 10_000) });

/** Spam or out of scope, with an optional polite reply to the sender. */
export const declineInput = z.object({
  status: z.enum(["spam", "out_of_scope"], { error: "Choose spam or out of scope." }),
  reply: optionalText(10_000),
});

/** The message a duplicate is merged into, by its reference. */
export const mergeInput = z.object({
  into: z
    .string({ error: "Enter the reference of the message to keep." })
    .trim()
    .toUpperCase()
    .regex(/^IN-\d{4}-\d{4,}$/, "Enter a reference like IN-2026-0042."),
});

/** An agency's answer to a forwarded message. */
export const interestInput = z.object({
  interest: z.enum(agencyInterests, { error: "Choose interested or not interested." }),
});

/** The secretariat's settings: topics offered on the form, retention and reminder periods. */
export const inboxSettingsInput = z.object({
  topics: z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      [...new Set((Array.isArray(v) ? v : v.split(/\r?\n/)).map((s) => s.trim()).filter(Boolean))].slice(
        0,
        30,
      ),
    )
    .refine((v) => v.length > 0, "Give at least one topic.")
    .refine((v) => v.every((t) => t.length <= 60), "Each topic has at most 60 characters."),
  retentionDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(30, "Keep messages at least 30 days.")
    .max(3650, "Keep messages at most 3,650 days (ten years)."),
  reminderDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int("Enter a whole number of days.")
    .min(1, "Remind after at least one day.")
    .max(90, "Remind after at most 90 days."),
});
export type InboxSettings = z.infer<typeof inboxSettingsInput>;
