import { eq } from "drizzle-orm";
import { z } from "zod";
import { forumSettings } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { loadForum } from "../../web/forum.js";
import { canManageDirectory } from "../directory/directory.policy.js";

/** The secretariat's contact block as edited in the private area. */
export const secretariatInput = z.object({
  name: z.string().trim().min(3, "Enter the secretariat's name.").max(200),
  hostAcronym: z.string().trim().max(20),
  address: z
    .string()
    .max(1000)
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  email: z.string().trim().email("Enter a valid e-mail address."),
  note: z.string().trim().max(1000),
});

/** Changes the secretariat's contact details shown on every page (secretariat only). */
export async function updateSecretariat(deps: Deps, actor: Actor, raw: unknown): Promise<void> {
  if (!canManageDirectory(actor)) throw forbidden("Only the secretariat can change its details.");
  const secretariat = parseInput(secretariatInput, raw);
  const forum = await loadForum(deps);
  await write(deps, actor, async (tx, audit) => {
    await tx
      .update(forumSettings)
      .set({ value: { ...forum, secretariat }, updatedAt: deps.now() })
      .where(eq(forumSettings.key, "forum"));
    await audit({
      action: "settings.secretariat",
      subjectType: "forum_settings",
      subjectId: "forum",
      summary: "Updated the secretariat's details",
      details: { before: forum.secretariat, after: secretariat },
    });
  });
}
