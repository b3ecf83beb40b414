import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.js";
import { forumSettings, type Role, roles } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { canManageDirectory } from "../directory/directory.policy.js";
import { factorsOf, hasSecondFactor } from "./factors.queries.js";

const KEY = "two_factor";
/** Until the secretariat chooses otherwise, the secretariat itself must use two factors. */
export const DEFAULT_REQUIRED: Role[] = ["secretariat"];

const stored = z.object({ requiredRoles: z.array(z.enum(roles)) });

/** The roles whose people must use two factors. */
export async function requiredRoles(db: Db): Promise<Role[]> {
  const [row] = await db.select().from(forumSettings).where(eq(forumSettings.key, KEY));
  const parsed = stored.safeParse(row?.value);
  return parsed.success ? parsed.data.requiredRoles : DEFAULT_REQUIRED;
}

/** True when one of these roles must use two factors. */
export async function twoFactorRequiredFor(db: Db, personRoles: Role[]): Promise<boolean> {
  const required = await requiredRoles(db);
  return personRoles.some((r) => required.includes(r));
}

/** True when the person must use two factors and has none: they must enrol before anything else. */
export async function mustEnrol(db: Db, person: { id: number; roles: Role[] }): Promise<boolean> {
  if (!(await twoFactorRequiredFor(db, person.roles))) return false;
  return !hasSecondFactor(await factorsOf(db, person.id));
}

/** Who may set the requirement: the secretariat. */
export const canSetTwoFactorRequirement = (actor: Actor) => canManageDirectory(actor);

const input = z.object({
  roles: z
    .union([z.enum(roles), z.array(z.enum(roles))])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

/** Sets which roles must use two factors (secretariat only); audited. */
export async function setRequiredRoles(deps: Deps, actor: Actor, raw: unknown): Promise<Role[]> {
  if (!canSetTwoFactorRequirement(actor))
    throw forbidden("Only the secretariat decides who must use two factors.");
  const chosen = [...new Set(parseInput(input, raw).roles)];
  const before = await requiredRoles(deps.db);
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .insert(forumSettings)
        .values({ key: KEY, value: { requiredRoles: chosen }, updatedAt: deps.now() })
        .onConflictDoUpdate({
          target: forumSettings.key,
          set: { value: { requiredRoles: chosen }, updatedAt: deps.now() },
        });
      await audit({
        action: "two_factor.requirement",
        subjectType: "forum_settings",
        subjectId: KEY,
        summary: `Two factors required for: ${chosen.length ? chosen.join(", ") : "nobody"}`,
        details: { before, after: chosen },
      });
    },
    { invalidatesPages: false },
  );
  return chosen;
}
