import { eq } from "drizzle-orm";
import { forumSettings } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import type { Actor } from "../../../http/actor.js";
import { forbidden } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { write } from "../../../kit/write.js";
import {
  type PublicDetail,
  publicDetailInput,
  publicDetailLevels,
} from "../assessments/assessments.schemas.js";
import { canSetPublicTechnologyDetail } from "./public.policy.js";

const KEY = "technology.public";

/**
 * How much of the heat map the public sees. Agencies' TRLs are not public unless the secretariat
 * says so, so a missing or unreadable setting means the list only.
 */
export async function readPublicDetail(deps: Pick<Deps, "db">): Promise<PublicDetail> {
  const [row] = await deps.db.select().from(forumSettings).where(eq(forumSettings.key, KEY));
  const level = (row?.value as { level?: unknown } | undefined)?.level;
  return publicDetailLevels.find((l) => l === level) ?? "list";
}

/** Sets the public level of detail (secretariat only); cached public pages are dropped by write(). */
export async function setPublicDetail(deps: Deps, actor: Actor, raw: unknown): Promise<PublicDetail> {
  if (!canSetPublicTechnologyDetail(actor))
    throw forbidden("Only the secretariat decides what the public sees of the heat map.");
  const { level } = parseInput(publicDetailInput, raw);
  const before = await readPublicDetail(deps);
  await write(deps, actor, async (tx, audit) => {
    await tx
      .insert(forumSettings)
      .values({ key: KEY, value: { level }, updatedAt: deps.now() })
      .onConflictDoUpdate({ target: forumSettings.key, set: { value: { level }, updatedAt: deps.now() } });
    await audit({
      action: "technology.public_detail",
      subjectType: "forum_settings",
      subjectId: KEY,
      summary: `Set the public technology heat map to “${level}”`,
      details: { before, after: level },
    });
  });
  return level;
}
