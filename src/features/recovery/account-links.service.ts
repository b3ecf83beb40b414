import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { accountLinks, people } from "../../db/schema/index.js";

/** What a mailed single-use link is for; a link of one purpose never works for the other. */
export type LinkPurpose = "reset" | "invite";

/** Only a link token's hash is stored, so a copy of the database opens no account. */
export const hashLinkToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A fresh token for a mailed link: 256 random bits. */
export const newLinkToken = () => randomBytes(32).toString("base64url");

/** The link with this token and purpose, not used yet and not expired at `now`. */
export const liveLink = (token: string, purpose: LinkPurpose, now: Date): SQL =>
  and(
    eq(accountLinks.tokenHash, hashLinkToken(token)),
    eq(accountLinks.purpose, purpose),
    isNull(accountLinks.usedAt),
    gt(accountLinks.expiresAt, now),
  )!;

/** The person a live link is for, or undefined (malformed, unknown, used, expired or another purpose). */
export async function findLiveLink(
  db: Db,
  token: string,
  purpose: LinkPurpose,
  now: Date,
  opts: { activeOnly?: boolean } = {},
) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const [row] = await db
    .select({ personId: accountLinks.personId, name: people.name, email: people.email })
    .from(accountLinks)
    .innerJoin(people, eq(people.id, accountLinks.personId))
    .where(and(liveLink(token, purpose, now), opts.activeOnly ? eq(people.active, true) : undefined));
  return row;
}
