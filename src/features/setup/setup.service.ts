import { createHash, randomBytes } from "node:crypto";
import { and, eq, like, sql } from "drizzle-orm";
import { z } from "zod";
import { forumSettings, people } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { systemActor } from "../../http/actor.js";
import { invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { loadForum } from "../../web/forum.js";
import { choosePasswordSchema } from "../auth/auth.schemas.js";
import { hashPassword } from "../auth/passwords.service.js";

// Codes live in forum_settings as `setup:<sha256>` rows: no new table, and every instance that
// started on an empty directory can print its own code; the first one used removes them all.
const PREFIX = "setup:";
const hashCode = (code: string) => createHash("sha256").update(code).digest("hex");

/** True while no active person holds the secretariat role: only then may the browser setup run. */
export async function needsSetup(deps: Pick<Deps, "db">): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.active, true), sql`'secretariat' = any(${people.roles})`))
    .limit(1);
  return !row;
}

/** On a database without a secretariat, makes a one-time setup code and returns it (else null). */
export async function issueSetupCode(deps: Pick<Deps, "db" | "now">): Promise<string | null> {
  if (!(await needsSetup(deps))) return null;
  const code = randomBytes(24).toString("base64url");
  await deps.db
    .insert(forumSettings)
    .values({ key: PREFIX + hashCode(code), value: { issuedAt: deps.now().toISOString() } });
  return code;
}

/** True when the code is a live setup code and no secretariat exists yet. */
export async function isLiveSetupCode(deps: Deps, code: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(code) || !(await needsSetup(deps))) return false;
  const [row] = await deps.db
    .select({ key: forumSettings.key })
    .from(forumSettings)
    .where(eq(forumSettings.key, PREFIX + hashCode(code)));
  return Boolean(row);
}

export const setupInput = z
  .object({
    forumName: z.string().trim().min(2, "Name the forum.").max(200),
    name: z.string().trim().min(2, "Enter your name.").max(200),
    email: z.string().trim().toLowerCase().email("Enter a valid e-mail address.").max(320),
  })
  .and(choosePasswordSchema);

/**
 * Creates the first secretariat account and names the forum, once: every setup code is removed in
 * the same transaction, so a second attempt (or a racing one) finds none and answers 404.
 */
export async function completeSetup(deps: Deps, code: string, raw: unknown): Promise<number> {
  const input = parseInput(setupInput, raw);
  const passwordHash = await hashPassword(input.password);
  const forum = await loadForum(deps);
  return write(deps, systemActor("setup"), async (tx, audit) => {
    const used = await tx
      .delete(forumSettings)
      .where(like(forumSettings.key, `${PREFIX}%`))
      .returning({ key: forumSettings.key });
    if (!used.some((u) => u.key === PREFIX + hashCode(code)) || !(await needsSetup({ db: tx })))
      throw notFound("This setup address");
    const [taken] = await tx.select().from(people).where(sql`lower(${people.email}) = ${input.email}`);
    if (taken) throw invalid({ email: "Someone with this e-mail address already exists." });
    const [person] = await tx
      .insert(people)
      .values({ name: input.name, email: input.email, roles: ["secretariat"], passwordHash })
      .returning({ id: people.id });
    await tx
      .update(forumSettings)
      .set({ value: { ...forum, name: input.forumName }, updatedAt: deps.now() })
      .where(eq(forumSettings.key, "forum"));
    await audit({
      action: "setup.complete",
      subjectType: "person",
      subjectId: person!.id,
      summary: `First secretariat account created in the browser; the forum is named ${input.forumName}`,
    });
    return person!.id;
  });
}
