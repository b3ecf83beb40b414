import { z } from "@hono/zod-openapi";
import { inputStatuses, senderKinds } from "../../db/schema/index.js";
import type { Person } from "../../http/actor.js";
import { canManageInbox } from "./inbox.policy.js";
import type { InboxRow, InputRecord } from "./inbox.queries.js";

/** A message in a list. */
export const Summary = z
  .object({
    reference: z.string().openapi({ example: "IN-2026-0042" }),
    status: z.enum(inputStatuses),
    received: z.string().nullable(),
    subject: z.string(),
    topic: z.string(),
    kind: z.enum(senderKinds),
    sender: z.string().nullable().openapi({ description: "null once the personal data is removed" }),
    organisation: z.string().nullable(),
    tags: z.array(z.string()),
  })
  .openapi("InputSummary");
const Agency = z.object({
  agency: z.string(),
  forwarded: z.string(),
  read: z.string().nullable(),
  acknowledged: z.string().nullable(),
  interest: z.enum(["interested", "not_interested"]).nullable(),
  reminded: z.string().nullable(),
});
const Note = z.object({
  kind: z.string(),
  agency: z.string().nullable(),
  author: z.string(),
  text: z.string().openapi({ description: "Markdown" }),
  at: z.string(),
});
/** One message with its agencies and notes, as the reader may see them. */
export const Input = Summary.extend({
  email: z.string().nullable(),
  country: z.string().nullable(),
  message: z.string().openapi({ description: "Markdown" }),
  attachments: z.array(z.object({ name: z.string(), size: z.number(), url: z.string() })),
  agencies: z
    .array(Agency)
    .openapi({ description: "every receiving agency for the secretariat; a member's own only" }),
  notes: z
    .array(Note)
    .openapi({ description: "an agency sees the sender's additions and its own replies only" }),
}).openapi("Input");

/** The `{reference}` path parameter. */
export const referenceParam = z.object({
  reference: z
    .string()
    .regex(/^IN-\d{4}-\d{4,}$/)
    .openapi({ param: { name: "reference", in: "path" }, example: "IN-2026-0042" }),
});
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A list row as JSON. */
export const summaryJson = (m: InboxRow) => ({
  reference: m.reference ?? "",
  status: m.status,
  received: iso(m.confirmedAt),
  subject: m.subject,
  topic: m.topic,
  kind: m.senderKind,
  sender: m.senderName,
  organisation: m.organisation,
  tags: m.tags,
});

/** One message as JSON: an agency sees only its own row and replies. */
export function inputJson(m: InputRecord, actor: Person) {
  const manage = canManageInbox(actor);
  return {
    ...summaryJson(m),
    email: m.senderEmail,
    country: m.country,
    message: m.body,
    attachments: m.attachments.map((a) => ({
      name: a.name,
      size: a.size,
      url: `/private/inbox/${m.id}/files/${a.id}`,
    })),
    agencies: m.deliveries
      .filter((d) => manage || d.organisationId === actor.organisationId)
      .map((d) => ({
        agency: d.acronym,
        forwarded: d.forwardedAt.toISOString(),
        read: iso(d.readAt),
        acknowledged: iso(d.acknowledgedAt),
        interest: d.interest,
        reminded: iso(d.remindedAt),
      })),
    notes: m.notes
      .filter(
        (n) =>
          manage ||
          n.kind === "sender_addition" ||
          (n.kind === "agency_reply" && n.organisationId === actor.organisationId),
      )
      .map((n) => ({
        kind: n.kind,
        agency: n.acronym,
        author: n.authorName,
        text: n.body,
        at: n.createdAt.toISOString(),
      })),
  };
}
