import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { accountLinks, people, ssoIdentities } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { systemActor } from "../../http/actor.js";
import { write } from "../../kit/write.js";
import type { Organisation } from "../directory/directory.queries.js";
import { noAccount } from "./sso.problem.pages.js";
import type { SsoProvider } from "./sso.settings.queries.js";

/** The claims about the person that the identity provider returned (ID token and userinfo). */
export type SsoClaims = {
  iss: string;
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
};

type PersonRow = typeof people.$inferSelect;

const askForInvitation = (acronym: string) =>
  `There is no account for this e-mail address at ${acronym}, and ${acronym}'s single sign-on does not open accounts for it. Ask your focal point or the secretariat for an invitation.`;

/**
 * The person an identity maps to, never anyone else: (a) the person this issuer and subject signed in
 * as before, or an active person of the organisation with the verified e-mail; (b) a person invited to
 * the organisation with that e-mail, whose invitation is thereby accepted; (c) a new member when the
 * e-mail's domain is one the organisation allows. Anything else is refused and nothing is created.
 */
export async function mapSsoIdentity(
  deps: Deps,
  org: Organisation,
  provider: SsoProvider,
  claims: SsoClaims,
): Promise<number> {
  if (typeof claims.email !== "string" || !claims.email.includes("@"))
    throw noAccount(
      `${org.acronym}'s identity service did not give an e-mail address, so no account can be found.`,
    );
  if (claims.email_verified !== true)
    throw noAccount(
      `${org.acronym}'s identity service has not verified the e-mail address ${claims.email}. Verify it there, or ask the secretariat.`,
    );
  const email = claims.email.trim().toLowerCase();
  return write(deps, systemActor("single sign-on"), async (tx, audit) => {
    const identity = { issuer: claims.iss, subject: claims.sub };
    const known = await personByIdentity(tx, identity);
    const person = known ?? (await personByEmail(tx, email));
    if (person && person.organisationId !== org.id)
      throw noAccount(
        `This account is not with ${org.acronym}. Sign in with your own agency, or ask the secretariat.`,
      );
    if (person?.active) {
      if (!known) await linkIdentity(tx, person.id, identity, deps.now());
      else await touchIdentity(tx, identity, deps.now());
      return person.id;
    }
    if (person) {
      if (!(await acceptPendingInvitation(tx, person, deps.now())))
        throw noAccount("This account is not active. Ask your focal point or the secretariat.");
      await linkIdentity(tx, person.id, identity, deps.now());
      await audit({
        action: "invitation.accept",
        subjectType: "person",
        subjectId: person.id,
        summary: `Accepted the invitation with single sign-on (${org.acronym})`,
      });
      return person.id;
    }
    const domain = email.slice(email.lastIndexOf("@") + 1);
    if (!provider.allowedDomains.includes(domain)) throw noAccount(askForInvitation(org.acronym));
    const name = displayName(claims, email);
    const [created] = await tx
      .insert(people)
      .values({ name, email, organisationId: org.id, roles: ["member"], active: true })
      .returning();
    await linkIdentity(tx, created!.id, identity, deps.now());
    await audit({
      action: "person.create",
      subjectType: "person",
      subjectId: created!.id,
      summary: `${name} joined ${org.acronym} as a member through single sign-on (domain ${domain})`,
      details: { organisationId: org.id, domain, issuer: identity.issuer },
    });
    return created!.id;
  });
}

async function personByIdentity(tx: Db, id: { issuer: string; subject: string }) {
  const [row] = await tx
    .select({ person: people })
    .from(ssoIdentities)
    .innerJoin(people, eq(people.id, ssoIdentities.personId))
    .where(and(eq(ssoIdentities.issuer, id.issuer), eq(ssoIdentities.subject, id.subject)));
  return row?.person;
}

async function personByEmail(tx: Db, email: string): Promise<PersonRow | undefined> {
  const [row] = await tx.select().from(people).where(sql`lower(${people.email}) = ${email}`);
  return row;
}

/** Remembers the identity for the person; refuses when they already signed in as someone else there. */
async function linkIdentity(tx: Db, personId: number, id: { issuer: string; subject: string }, now: Date) {
  const [other] = await tx
    .select()
    .from(ssoIdentities)
    .where(and(eq(ssoIdentities.personId, personId), eq(ssoIdentities.issuer, id.issuer)));
  if (other)
    throw noAccount(
      "This account signs in with another identity at this provider. Ask the secretariat if your identity changed.",
    );
  await tx.insert(ssoIdentities).values({ personId, ...id, createdAt: now, lastUsedAt: now });
}

async function touchIdentity(tx: Db, id: { issuer: string; subject: string }, now: Date) {
  await tx
    .update(ssoIdentities)
    .set({ lastUsedAt: now })
    .where(and(eq(ssoIdentities.issuer, id.issuer), eq(ssoIdentities.subject, id.subject)));
}

/** Activates an invited person (never a deactivated one) and uses up their invitation link. */
async function acceptPendingInvitation(tx: Db, person: PersonRow, now: Date): Promise<boolean> {
  if (person.passwordHash) return false;
  const used = await tx
    .update(accountLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountLinks.personId, person.id),
        eq(accountLinks.purpose, "invite"),
        isNull(accountLinks.usedAt),
        gt(accountLinks.expiresAt, now),
      ),
    )
    .returning({ personId: accountLinks.personId });
  if (used.length === 0) return false;
  await tx.update(people).set({ active: true, updatedAt: now }).where(eq(people.id, person.id));
  return true;
}

function displayName(claims: SsoClaims, email: string): string {
  const name = typeof claims.name === "string" ? claims.name.trim().slice(0, 200) : "";
  return name.length >= 2 ? name : email.slice(0, email.indexOf("@"));
}
