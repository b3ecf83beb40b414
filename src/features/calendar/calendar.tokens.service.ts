import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { calendarTokens, people } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden } from "../../http/errors.js";
import { write } from "../../kit/write.js";
import { canHaveCalendarFeed } from "./calendar.policy.js";

/** Only this hash is stored: a database leak does not reveal working feed addresses. */
export const hashFeedToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The person's live feed token row, if any (never the token itself: it is not kept). */
export async function liveFeedToken(db: Db, personId: number) {
  const [row] = await db
    .select({ id: calendarTokens.id, createdAt: calendarTokens.createdAt })
    .from(calendarTokens)
    .where(and(eq(calendarTokens.personId, personId), isNull(calendarTokens.revokedAt)));
  return row;
}

/** Creates a new feed token for the actor, revoking the old one; returns the token to show once. */
export async function createFeedToken(deps: Deps, actor: Actor): Promise<string> {
  if (actor.kind !== "person" || !canHaveCalendarFeed(actor))
    throw forbidden("Sign in to create a calendar feed.");
  const token = randomBytes(32).toString("base64url");
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .update(calendarTokens)
        .set({ revokedAt: deps.now() })
        .where(and(eq(calendarTokens.personId, actor.id), isNull(calendarTokens.revokedAt)));
      await tx
        .insert(calendarTokens)
        .values({ personId: actor.id, tokenHash: hashFeedToken(token), createdAt: deps.now() });
      await audit({
        action: "calendar.token.create",
        subjectType: "person",
        subjectId: actor.id,
        summary: "Created a personal calendar feed",
      });
    },
    { invalidatesPages: false },
  );
  return token;
}

/** Revokes the actor's feed: its address answers 404 from now on. */
export async function revokeFeedToken(deps: Deps, actor: Actor): Promise<void> {
  if (actor.kind !== "person") throw forbidden("Sign in first.");
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .update(calendarTokens)
        .set({ revokedAt: deps.now() })
        .where(and(eq(calendarTokens.personId, actor.id), isNull(calendarTokens.revokedAt)));
      await audit({
        action: "calendar.token.revoke",
        subjectType: "person",
        subjectId: actor.id,
        summary: "Revoked the personal calendar feed",
      });
    },
    { invalidatesPages: false },
  );
}

/** The active person a live token belongs to, or undefined (unknown, revoked, or person inactive). */
export async function personForFeedToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const [row] = await db
    .select({ id: people.id, organisationId: people.organisationId, roles: people.roles })
    .from(calendarTokens)
    .innerJoin(people, eq(people.id, calendarTokens.personId))
    .where(
      and(
        eq(calendarTokens.tokenHash, hashFeedToken(token)),
        isNull(calendarTokens.revokedAt),
        eq(people.active, true),
      ),
    );
  return row;
}
