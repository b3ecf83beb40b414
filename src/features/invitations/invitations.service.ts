import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { accountLinks, organisations, people, roles } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { type Actor, systemActor } from "../../http/actor.js";
import { forbidden, invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { loadForum } from "../../web/forum.js";
import { choosePasswordSchema } from "../auth/auth.schemas.js";
import { hashPassword } from "../auth/passwords.service.js";
import { findOrganisationByAcronym, findPersonByEmail } from "../directory/directory.queries.js";
import { enqueueMail } from "../mail/mail.outbox.service.js";
import { findLiveLink, hashLinkToken, liveLink, newLinkToken } from "../recovery/account-links.service.js";
import { invitationMail } from "./invitations.mails.js";
import { canInvite, canSeeInvitations } from "./invitations.policy.js";

/** How long an invitation link works. */
export const INVITATION_MS = 7 * 86_400_000;
const notAllowed = "A focal point invites members of their own agency only.";

export const invitationInput = z.object({
  name: z.string().trim().min(2, "Enter the person's name.").max(200),
  email: z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(320),
  organisation: z.string().trim().max(20).default(""),
  roles: z
    .union([z.enum(roles), z.array(z.enum(roles))])
    .default("member")
    .transform((r) => [...new Set([r].flat())]),
});

async function organisationIdFor(deps: Deps, actor: Actor, acronym: string): Promise<number | null> {
  if (!acronym)
    return actor.kind === "person" && !actor.roles.includes("secretariat") ? actor.organisationId : null;
  const org = await findOrganisationByAcronym(deps.db, acronym);
  if (!org || org.leftOn) throw invalid({ organisation: `There is no member organisation ${acronym}.` });
  return org.id;
}

/** Mails a fresh link for an invited person, using up their older ones. */
async function sendLink(
  deps: Deps,
  tx: Db,
  actor: Actor,
  invitee: { id: number; name: string; email: string },
) {
  const token = newLinkToken();
  const now = deps.now();
  await tx
    .update(accountLinks)
    .set({ usedAt: now })
    .where(and(eq(accountLinks.personId, invitee.id), isNull(accountLinks.usedAt)));
  await tx.insert(accountLinks).values({
    tokenHash: hashLinkToken(token),
    purpose: "invite",
    personId: invitee.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_MS),
    createdById: actor.kind === "person" ? actor.id : null,
  });
  const forum = (await loadForum(deps)).name;
  const from = actor.kind === "person" ? actor.name : forum;
  await enqueueMail(tx, invitationMail(deps.config, invitee, { name: from, forum }, token), now);
}

/** Invites a person: an inactive record without a password, and a mailed single-use link. */
export async function invitePerson(deps: Deps, actor: Actor, raw: unknown): Promise<number> {
  if (!canSeeInvitations(actor)) throw forbidden(notAllowed);
  const input = parseInput(invitationInput, raw);
  const organisationId = await organisationIdFor(deps, actor, input.organisation);
  if (!canInvite(actor, organisationId, input.roles)) throw forbidden(notAllowed);
  if (organisationId === null && !input.roles.includes("secretariat"))
    throw invalid({ organisation: "Choose the person's organisation (or the secretariat role)." });
  if (await findPersonByEmail(deps.db, input.email))
    throw invalid({ email: "Someone with this e-mail address already exists." });
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(people)
      .values({ name: input.name, email: input.email, organisationId, roles: input.roles, active: false })
      .returning();
    await sendLink(deps, tx, actor, row!);
    await audit({
      action: "invitation.create",
      subjectType: "person",
      subjectId: row!.id,
      summary: `Invited ${row!.name} <${row!.email}>`,
      details: { roles: input.roles, organisationId },
    });
    return row!.id;
  });
}

/** Pending invitations the actor may manage: never accepted, newest first. */
export async function listInvitations(deps: Deps, actor: Actor) {
  if (!canSeeInvitations(actor) || actor.kind !== "person") throw forbidden(notAllowed);
  const own = actor.roles.includes("secretariat")
    ? undefined
    : eq(people.organisationId, actor.organisationId ?? -1);
  return deps.db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      roles: people.roles,
      acronym: organisations.acronym,
      sentAt: accountLinks.createdAt,
      expiresAt: accountLinks.expiresAt,
    })
    .from(accountLinks)
    .innerJoin(people, eq(people.id, accountLinks.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(
      and(
        eq(accountLinks.purpose, "invite"),
        isNull(accountLinks.usedAt),
        eq(people.active, false),
        isNull(people.passwordHash),
        own,
      ),
    )
    .orderBy(desc(accountLinks.createdAt));
}

/** A pending invitation the actor may manage, or not_found / forbidden. */
export async function invitationToManage(deps: Deps, actor: Actor, personId: number) {
  const [p] = await deps.db
    .select()
    .from(people)
    .where(and(eq(people.id, personId), eq(people.active, false), isNull(people.passwordHash)));
  const [link] = p
    ? await deps.db
        .select()
        .from(accountLinks)
        .where(
          and(
            eq(accountLinks.personId, p.id),
            eq(accountLinks.purpose, "invite"),
            isNull(accountLinks.usedAt),
          ),
        )
    : [];
  if (!p || !link) throw notFound("The invitation");
  if (!canInvite(actor, p.organisationId, p.roles)) throw forbidden(notAllowed);
  return p;
}

/** Sends the invitation again with a new 7-day link; the old link stops working. */
export async function resendInvitation(deps: Deps, actor: Actor, personId: number): Promise<void> {
  const p = await invitationToManage(deps, actor, personId);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await sendLink(deps, tx, actor, p);
      await audit({
        action: "invitation.resend",
        subjectType: "person",
        subjectId: p.id,
        summary: `Resent the invitation of ${p.name}`,
      });
    },
    { invalidatesPages: false },
  );
}

/** Withdraws an invitation: the never-activated record and its link go. */
export async function withdrawInvitation(deps: Deps, actor: Actor, personId: number): Promise<void> {
  const p = await invitationToManage(deps, actor, personId);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx.delete(people).where(eq(people.id, p.id));
      await audit({
        action: "invitation.withdraw",
        subjectType: "person",
        subjectId: p.id,
        summary: `Withdrew the invitation of ${p.name} <${p.email}>`,
      });
    },
    { invalidatesPages: false },
  );
}

/** The invited person a live invitation link is for, or undefined. */
export const inviteeForLink = (deps: Deps, token: string) =>
  findLiveLink(deps.db, token, "invite", deps.now());

/** Accepts an invitation: the link is used up, the person chooses a password and becomes active. */
export async function acceptInvitation(deps: Deps, token: string, raw: unknown): Promise<number> {
  const input = parseInput(choosePasswordSchema, raw);
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  return write(deps, systemActor("invitation"), async (tx, audit) => {
    const [used] = await tx
      .update(accountLinks)
      .set({ usedAt: now })
      .where(liveLink(token, "invite", now))
      .returning({ personId: accountLinks.personId });
    if (!used) throw notFound("This invitation (it may have been used, withdrawn or have expired)");
    await tx
      .update(people)
      .set({ passwordHash, active: true, updatedAt: now })
      .where(sql`${people.id} = ${used.personId}`);
    await audit({
      action: "invitation.accept",
      subjectType: "person",
      subjectId: used.personId,
      summary: "Accepted the invitation and chose a password",
    });
    return used.personId;
  });
}
