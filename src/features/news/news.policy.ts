import type { ArticleStatus } from "../../db/schema/index.js";
import { type Actor, hasRole } from "../../http/actor.js";

/** Only the secretariat (or the system: seed, scheduler) writes news. */
export const canManageNews = (actor: Actor) => actor.kind === "system" || hasRole(actor, "secretariat");

/** Whether an article is live for the public at `now`: published, and its time has come. */
export const isLive = (a: { status: ArticleStatus; publishAt: Date | null }, now: Date) =>
  a.status === "published" && a.publishAt !== null && a.publishAt.getTime() <= now.getTime();

/** Visitors read live articles only; the secretariat can read (preview) any. */
export const canReadArticle = (
  actor: Actor,
  a: { status: ArticleStatus; publishAt: Date | null },
  now: Date,
) => isLive(a, now) || canManageNews(actor);
