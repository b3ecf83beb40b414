import { eq } from "drizzle-orm";
import { forumSettings } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { canManageInbox } from "./inbox.policy.js";
import { type InboxSettings, inboxSettingsInput } from "./inbox.schemas.js";

const KEY = "inbox";

/** What a new forum starts with; the secretariat changes it at /private/inbox/settings. */
export const defaultInboxSettings: InboxSettings = {
  topics: ["Roadmap", "Technology", "Science", "Membership", "Other"],
  retentionDays: 730,
  reminderDays: 14,
};

/** The topics, retention and reminder periods in force (defaults for anything unset or unreadable). */
export async function readInboxSettings(deps: Pick<Deps, "db">): Promise<InboxSettings> {
  const [row] = await deps.db.select().from(forumSettings).where(eq(forumSettings.key, KEY));
  const parsed = inboxSettingsInput.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : defaultInboxSettings;
}

/** Changes the inbox settings (secretariat only); the form's topics change with them. */
export async function updateInboxSettings(deps: Deps, actor: Actor, raw: unknown): Promise<InboxSettings> {
  if (!canManageInbox(actor)) throw forbidden("Only the secretariat changes the inbox settings.");
  const next = parseInput(inboxSettingsInput, raw);
  const before = await readInboxSettings(deps);
  await write(deps, actor, async (tx, audit) => {
    await tx
      .insert(forumSettings)
      .values({ key: KEY, value: next, updatedAt: deps.now() })
      .onConflictDoUpdate({ target: forumSettings.key, set: { value: next, updatedAt: deps.now() } });
    await audit({
      action: "inbox.settings",
      subjectType: "forum_settings",
      subjectId: KEY,
      summary: "Changed the public input settings",
      details: { before, after: next },
    });
  });
  return next;
}
