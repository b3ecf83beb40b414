import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { organisations, people, sessions } from "../db/schema/index.js";
import type { Deps } from "../deps.js";
import type { Person } from "./actor.js";

export const SESSION_COOKIE = "isecg_session";
export const SESSION_DAYS = 14;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a session for a person and returns the token to put in the cookie. */
export async function createSession(
  db: Db,
  personId: number,
  now: Date,
  meta: { ip?: string; userAgent?: string; mustEnrol?: boolean },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    personId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    mustEnrol: meta.mustEnrol ?? false,
  });
  return token;
}

/**
 * The active person behind a session token and when the session ends, or null when the token is
 * unknown, expired or the person inactive.
 */
export async function sessionFor(
  db: Db,
  token: string,
  now: Date,
): Promise<{ person: Person; expiresAt: Date } | null> {
  const [row] = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      roles: people.roles,
      organisationId: people.organisationId,
      organisationAcronym: organisations.acronym,
      mustEnrol: sessions.mustEnrol,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(
      and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now), eq(people.active, true)),
    );
  if (!row) return null;
  // Last seen to the minute: a busy browser must not send a write on every request. The condition
  // stays in the statement so two requests at once still write once.
  if (!row.lastSeenAt || row.lastSeenAt.getTime() < now.getTime() - 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(
        and(
          eq(sessions.tokenHash, hashToken(token)),
          or(isNull(sessions.lastSeenAt), lt(sessions.lastSeenAt, new Date(now.getTime() - 60_000))),
        ),
      );
  }
  const { mustEnrol, lastSeenAt: _, expiresAt, ...person } = row;
  return {
    person: mustEnrol ? { kind: "person", ...person, mustEnrol: true } : { kind: "person", ...person },
    expiresAt,
  };
}

/** A session as its owner sees it: a short id (a prefix of the hash, never the token), device and times. */
export type SessionInfo = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date | null;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
};

/** The person's live sessions, most recently used first; `current` marks the one of this request. */
export async function listSessionsOf(
  db: Db,
  personId: number,
  now: Date,
  currentToken?: string,
): Promise<SessionInfo[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.personId, personId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sql`coalesce(${sessions.lastSeenAt}, ${sessions.createdAt})`));
  const mine = currentToken ? hashToken(currentToken) : "";
  return rows.map((r) => ({
    id: r.tokenHash.slice(0, SESSION_ID_LENGTH),
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    ip: r.ip,
    userAgent: r.userAgent,
    current: r.tokenHash === mine,
  }));
}

const SESSION_ID_LENGTH = 16;

/** Ends one of the person's sessions by its short id; true when one was ended. */
export async function deleteSessionById(db: Db, personId: number, id: string): Promise<boolean> {
  if (!new RegExp(`^[0-9a-f]{${SESSION_ID_LENGTH}}$`).test(id)) return false;
  const gone = await db
    .delete(sessions)
    .where(
      and(eq(sessions.personId, personId), sql`left(${sessions.tokenHash}, ${SESSION_ID_LENGTH}) = ${id}`),
    )
    .returning({ personId: sessions.personId });
  return gone.length > 0;
}

/** Ends one session (signing out); the pages kept for it go at once (cache.ts). */
export async function deleteSession(deps: Pick<Deps, "db" | "cache">, token: string): Promise<void> {
  await deps.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
  deps.cache.invalidateSignedIn();
}

/** Ends every session of a person (after a password change or deactivation). */
export async function deleteSessionsOf(db: Db, personId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.personId, personId));
}

/** Removes expired sessions; run now and then. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
