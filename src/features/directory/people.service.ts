import { eq } from "drizzle-orm";
import { people } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { AppError, forbidden, invalid, notFound } from "../../http/errors.js";
import { deleteSessionsOf } from "../../http/sessions.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { changePasswordSchema } from "../auth/auth.schemas.js";
import {
  clearFailedGuesses,
  recordFailedGuess,
  refuseWhileThrottled,
} from "../auth/guess-throttle.service.js";
import { hashPassword, verifyPassword } from "../auth/passwords.service.js";
import { canManageDirectory } from "./directory.policy.js";
import {
  findOrganisationByAcronym,
  findPerson,
  findPersonByEmail,
  type PersonRow,
} from "./directory.queries.js";
import { type PersonInput, personInput } from "./directory.schemas.js";

async function resolveColumns(deps: Deps, input: PersonInput, exceptId?: number) {
  const existing = await findPersonByEmail(deps.db, input.email);
  if (existing && existing.id !== exceptId)
    throw invalid({ email: "Someone with this e-mail address already exists." });
  let organisationId: number | null = null;
  if (input.organisation) {
    const org = await findOrganisationByAcronym(deps.db, input.organisation);
    if (!org) throw invalid({ organisation: `There is no member organisation ${input.organisation}.` });
    if (org.leftOn) throw invalid({ organisation: `${org.acronym} is no longer a member.` });
    organisationId = org.id;
  }
  const { organisation: _o, password, ...rest } = input;
  return {
    ...rest,
    organisationId,
    ...(password ? { passwordHash: await hashPassword(password) } : {}),
  };
}

const describe = (p: PersonRow) => `${p.name} <${p.email}>`;
const safe = ({ passwordHash: _h, ...rest }: PersonRow) => rest;

/** Adds a person to the directory (secretariat only). */
export async function createPerson(deps: Deps, actor: Actor, raw: unknown): Promise<PersonRow> {
  if (!canManageDirectory(actor)) throw forbidden("Only the secretariat can add people.");
  const columns = await resolveColumns(deps, parseInput(personInput, raw));
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx.insert(people).values(columns).returning();
    await audit({
      action: "person.create",
      subjectType: "person",
      subjectId: row!.id,
      summary: `Added ${describe(row!)}`,
      details: { roles: row!.roles, organisationId: row!.organisationId },
    });
    return row!;
  });
}

/** Changes a person's details, roles or status (secretariat only); deactivation ends their sessions. */
export async function updatePerson(deps: Deps, actor: Actor, id: number, raw: unknown): Promise<PersonRow> {
  const found = await findPerson(deps.db, id);
  if (!found) throw notFound("The person");
  if (!canManageDirectory(actor)) throw forbidden("Only the secretariat can change people.");
  const columns = await resolveColumns(deps, parseInput(personInput, raw), id);
  if (actor.kind === "person" && actor.id === id && !columns.roles.includes("secretariat")) {
    throw invalid({ roles: "You cannot remove your own secretariat role; ask another secretariat member." });
  }
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .update(people)
      .set({ ...columns, updatedAt: deps.now() })
      .where(eq(people.id, id))
      .returning();
    if (!row!.active || columns.passwordHash) await deleteSessionsOf(tx, id);
    await audit({
      action: "person.update",
      subjectType: "person",
      subjectId: id,
      summary: `Updated ${describe(row!)}${columns.passwordHash ? " (password reset)" : ""}`,
      details: { before: safe(found.person), after: safe(row!) },
    });
    return row!;
  });
}

/**
 * Lets a signed-in person change their own password, ending their other sessions. The current
 * password is a secret to guess (a stolen session must not try it freely): throttled like sign-in.
 */
export async function changeOwnPassword(
  deps: Deps,
  actor: Actor,
  raw: unknown,
  meta: { ip: string },
): Promise<void> {
  if (actor.kind !== "person") throw new AppError("unauthenticated", "Please sign in.");
  const input = parseInput(changePasswordSchema, raw);
  const guess = { scope: "password", account: `person:${actor.id}`, address: meta.ip } as const;
  await refuseWhileThrottled(deps.db, guess, deps.now());
  const found = await findPerson(deps.db, actor.id);
  if (
    !found?.person.passwordHash ||
    !(await verifyPassword(input.currentPassword, found.person.passwordHash))
  ) {
    await recordFailedGuess(deps.db, guess, deps.now());
    throw invalid({ currentPassword: "Your current password is not correct." });
  }
  await clearFailedGuesses(deps.db, guess);
  const passwordHash = await hashPassword(input.newPassword);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx.update(people).set({ passwordHash, updatedAt: deps.now() }).where(eq(people.id, actor.id));
      await deleteSessionsOf(tx, actor.id);
      await audit({
        action: "person.password",
        subjectType: "person",
        subjectId: actor.id,
        summary: "Changed own password",
      });
    },
    { invalidatesPages: false },
  );
}
