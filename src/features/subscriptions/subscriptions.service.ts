import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { newsSubscribers, type SubscriberStatus } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { AppError, forbidden } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { loadForum } from "../../web/forum.js";
import { lockedUntil, recordFailure, throttleKey } from "../auth/throttle.service.js";
import { enqueueMail } from "../mail/mail.outbox.service.js";
import { alreadySubscribedMail, articleMail, confirmationMail } from "./subscriptions.mails.js";
import { canSeeSubscriberCounts } from "./subscriptions.policy.js";
import { subscribeInput } from "./subscriptions.schemas.js";
import { hashConfirmToken, newConfirmToken, verifyUnsubscribeToken } from "./subscriptions.tokens.service.js";

const CONFIRM_VALID_MS = 7 * 24 * 3_600_000;
const subject = "news_subscriber";

/**
 * Someone asks for news at an address. Whatever the address's state, the answer is the same
 * (no leak of who subscribes); a pending or unsubscribed address gets a confirmation link, a
 * confirmed one a short note. Throttled per address and per client address, like sign-in.
 */
export async function requestSubscription(
  deps: Deps,
  actor: Actor,
  raw: unknown,
  client: string,
): Promise<void> {
  const { email } = parseInput(subscribeInput, raw);
  const now = deps.now();
  const keys = [throttleKey("account", `subscribe:${email}`), throttleKey("address", `subscribe:${client}`)];
  if (await lockedUntil(deps.db, keys, now))
    throw new AppError("rate_limited", "Too many subscription requests. Please try again in 15 minutes.");
  await recordFailure(deps.db, "account", keys[0]!, now);
  await recordFailure(deps.db, "address", keys[1]!, now);
  const { token, hash } = newConfirmToken();
  const expires = new Date(now.getTime() + CONFIRM_VALID_MS);
  const forum = await loadForum(deps);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      const [created] = await tx
        .insert(newsSubscribers)
        .values({
          email,
          status: "pending",
          confirmTokenHash: hash,
          confirmExpiresAt: expires,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning();
      const [row] = created
        ? [created]
        : await tx
            .select()
            .from(newsSubscribers)
            .where(sql`lower(${newsSubscribers.email}) = lower(${email})`);
      if (!row) throw new AppError("conflict", "Please try again.");
      if (row.status === "confirmed") {
        await enqueueMail(tx, alreadySubscribedMail(deps.config, row, forum), now);
      } else {
        if (!created) {
          await tx
            .update(newsSubscribers)
            .set({
              status: "pending",
              confirmTokenHash: hash,
              confirmExpiresAt: expires,
              unsubscribedAt: null,
            })
            .where(eq(newsSubscribers.id, row.id));
        }
        await enqueueMail(tx, confirmationMail(deps.config, row, token, forum), now);
      }
      await audit({
        action: "subscription.request",
        subjectType: subject,
        subjectId: row.id,
        summary: "A visitor asked to subscribe to the news",
      });
    },
    { invalidatesPages: false },
  );
}

/** The subscriber a confirmation token names while it is valid, or undefined. */
export async function findByConfirmToken(db: Db, token: string | undefined, now: Date) {
  if (!token || token.length > 100) return undefined;
  const [row] = await db
    .select()
    .from(newsSubscribers)
    .where(
      and(
        eq(newsSubscribers.confirmTokenHash, hashConfirmToken(token)),
        gt(newsSubscribers.confirmExpiresAt, now),
      ),
    );
  return row;
}

/** Confirms a subscription from the mailed link; confirming twice is harmless. False when the link is not valid. */
export async function confirmSubscription(
  deps: Deps,
  actor: Actor,
  token: string | undefined,
): Promise<boolean> {
  const now = deps.now();
  const row = await findByConfirmToken(deps.db, token, now);
  if (!row) return false;
  if (row.status === "confirmed") return true;
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .update(newsSubscribers)
        .set({ status: "confirmed", confirmedAt: now })
        .where(eq(newsSubscribers.id, row.id));
      await audit({
        action: "subscription.confirm",
        subjectType: subject,
        subjectId: row.id,
        summary: "A subscriber confirmed their address",
      });
    },
    { invalidatesPages: false },
  );
  return true;
}

/** The subscriber a signed unsubscribe token names, or undefined. */
export async function findByUnsubscribeToken(deps: Pick<Deps, "db" | "config">, token: string | undefined) {
  const id = verifyUnsubscribeToken(deps.config.sessionSecret, token);
  if (id === null) return undefined;
  const [row] = await deps.db.select().from(newsSubscribers).where(eq(newsSubscribers.id, id));
  return row;
}

/** Stops all mail to a subscriber (one-click or from the page); repeating it is harmless. False for a bad link. */
export async function unsubscribe(deps: Deps, actor: Actor, token: string | undefined): Promise<boolean> {
  const row = await findByUnsubscribeToken(deps, token);
  if (!row) return false;
  if (row.status === "unsubscribed") return true;
  const now = deps.now();
  await write(
    deps,
    actor,
    async (tx, audit) => {
      // The confirmation token goes too, so an old confirmation link cannot sign them up again.
      await tx
        .update(newsSubscribers)
        .set({ status: "unsubscribed", unsubscribedAt: now, confirmTokenHash: null, confirmExpiresAt: null })
        .where(eq(newsSubscribers.id, row.id));
      await audit({
        action: "subscription.unsubscribe",
        subjectType: subject,
        subjectId: row.id,
        summary: "A subscriber unsubscribed",
      });
    },
    { invalidatesPages: false },
  );
  return true;
}

/**
 * Queues one mail about a newly published article for every confirmed subscriber. Called by
 * the news publishing use cases inside their transaction; the dedupe key
 * `news:<articleId>:<subscriberId>` means a re-publish or a second instance never mails twice.
 */
export async function queueArticleNotifications(
  tx: Db,
  deps: Pick<Deps, "config" | "now">,
  article: { id: number; slug: string; title: string; summary: string },
  now: Date = deps.now(),
): Promise<number> {
  const subscribers = await tx
    .select({ id: newsSubscribers.id, email: newsSubscribers.email })
    .from(newsSubscribers)
    .where(eq(newsSubscribers.status, "confirmed"));
  if (subscribers.length === 0) return 0;
  return enqueueMail(
    tx,
    subscribers.map((s) => articleMail(deps.config, s, article)),
    now,
  );
}

/** How many subscribers are in each state (secretariat only): counts, never addresses. */
export async function subscriberCounts(deps: Deps, actor: Actor): Promise<Record<SubscriberStatus, number>> {
  if (!canSeeSubscriberCounts(actor)) throw forbidden("Only the secretariat can see subscriber numbers.");
  const rows = await deps.db
    .select({ status: newsSubscribers.status, n: count() })
    .from(newsSubscribers)
    .groupBy(newsSubscribers.status);
  const out: Record<SubscriberStatus, number> = { pending: 0, confirmed: 0, unsubscribed: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}
