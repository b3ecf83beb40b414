import { and, eq, isNull } from "drizzle-orm";
import { inboxDeliveries } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { AppError, forbidden, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { createNote } from "./forward.service.js";
import { canAcknowledgeInput, canAnswerForAgency } from "./inbox.policy.js";
import { findInput } from "./inbox.queries.js";
import { interestInput, noteInput } from "./inbox.schemas.js";

const subjectType = "inbox_message";
const opts = { invalidatesPages: false };

/** The actor's agency's copy of a message; not found for anyone whose agency did not receive it. */
async function loadDelivery(deps: Deps, actor: Actor, id: number) {
  const orgId = actor.kind === "person" ? actor.organisationId : null;
  const m = await findInput(deps.db, id);
  const d = m?.deliveries.find((x) => x.organisationId === orgId);
  if (!m || m.status === "unconfirmed") throw notFound("The message");
  if (!d || orgId === null) throw forbidden("Only the agencies it was forwarded to act on a message.");
  return { m, d, orgId };
}

/** Marks a forwarded message read (`read`) or acknowledged (`acknowledge`, which also marks it read). */
export async function recordReceipt(deps: Deps, actor: Actor, id: number, step: "read" | "acknowledge") {
  const { m, d, orgId } = await loadDelivery(deps, actor, id);
  if (!canAcknowledgeInput(actor, orgId)) throw forbidden();
  const now = deps.now();
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .update(inboxDeliveries)
        .set(
          step === "read"
            ? { readAt: d.readAt ?? now }
            : { readAt: d.readAt ?? now, acknowledgedAt: d.acknowledgedAt ?? now },
        )
        .where(eq(inboxDeliveries.id, d.id));
      await audit({
        action: `inbox.${step}`,
        subjectType,
        subjectId: m.id,
        summary: `${d.acronym} ${step === "read" ? "read" : "acknowledged"} ${m.reference}`,
      });
    },
    opts,
  );
}

/** The agency says whether it is interested (its focal points only); acknowledges it on the way. */
export async function setInterest(deps: Deps, actor: Actor, id: number, raw: unknown) {
  const { m, d, orgId } = await loadDelivery(deps, actor, id);
  if (!canAnswerForAgency(actor, orgId)) throw forbidden("Only your agency's focal points speak for it.");
  const { interest } = parseInput(interestInput, raw);
  const now = deps.now();
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .update(inboxDeliveries)
        .set({ interest, readAt: d.readAt ?? now, acknowledgedAt: d.acknowledgedAt ?? now })
        .where(eq(inboxDeliveries.id, d.id));
      await audit({
        action: "inbox.interest",
        subjectType,
        subjectId: m.id,
        summary: `${d.acronym} is ${interest === "interested" ? "interested in" : "not interested in"} ${m.reference}`,
        details: { before: d.interest, after: interest },
      });
    },
    opts,
  );
}

/** The agency replies to the secretariat (focal points only); only the secretariat and the agency see it. */
export async function replyToSecretariat(deps: Deps, actor: Actor, id: number, raw: unknown) {
  const { m, d, orgId } = await loadDelivery(deps, actor, id);
  if (!canAnswerForAgency(actor, orgId)) throw forbidden("Only your agency's focal points speak for it.");
  if (m.status === "withdrawn") throw new AppError("conflict", "The sender withdrew this message.");
  const { text } = parseInput(noteInput, raw);
  const now = deps.now();
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await createNote(
        tx,
        actor,
        { messageId: m.id, kind: "agency_reply", body: text, organisationId: orgId },
        now,
      );
      await tx
        .update(inboxDeliveries)
        .set({ readAt: d.readAt ?? now, acknowledgedAt: d.acknowledgedAt ?? now })
        .where(and(eq(inboxDeliveries.id, d.id), isNull(inboxDeliveries.acknowledgedAt)));
      await audit({
        action: "inbox.reply",
        subjectType,
        subjectId: m.id,
        summary: `${d.acronym} replied on ${m.reference}`,
      });
    },
    opts,
  );
}
