import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations, people, sessions } from "../../db/schema/index.js";
import type { Person } from "./actor.js";

export const SESSION_COOKIE = "isecg_session";
export const SESSION_DAYS = 14;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a session for a person and returns the token to put in the cookie. */
export async function createSession(
  db: Db,
  personId: number,
  now: Date,
  meta: { ip?: string; userAgent?: string },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    personId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/** The active person behind a session token, or null when the token is unknown, expired or the person inactive. */
export async function personForSession(db: Db, token: string, now: Date): Promise<Person | null> {
  const [row] = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      roles: people.roles,
      organisationId: people.organisationId,
      organisationAcronym: organisations.acronym,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(
      and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now), eq(people.active, true)),
    );
  return row ? { kind: "person", ...row } : null;
}

/** Ends one session. */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Ends every session of a person (after a password change or deactivation). */
export async function deleteSessionsOf(db: Db, personId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.personId, personId));
}

/** Removes expired sessions; run now and then. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
