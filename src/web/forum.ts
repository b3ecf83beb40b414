import { eq } from "drizzle-orm";
import { z } from "zod";
import { forumSettings } from "../db/schema/index.js";
import type { Deps } from "../deps.js";
import type { PageCache } from "../http/page-cache.js";

/** The forum's identity and about texts, stored under the `forum` settings key. */
export const forumSchema = z.object({
  name: z.string(),
  acronym: z.string(),
  tagline: z.string(),
  established: z.string(),
  secretariat: z.object({
    hostAcronym: z.string(),
    name: z.string(),
    address: z.array(z.string()),
    email: z.string(),
    note: z.string(),
  }),
  about: z.object({
    purpose: z.string(),
    principles: z.array(z.object({ title: z.string(), points: z.array(z.string()) })),
    background: z.string(),
    gesThemes: z.array(z.string()),
    /** The heading over the themes ("Themes of the Global Exploration Strategy"). */
    themesTitle: z.string().optional(),
    notGoverning: z.string(),
    membershipRule: z.string(),
    publicInput: z.string(),
  }),
  home: z.object({
    intro: z.string(),
    highlights: z.array(z.object({ title: z.string(), text: z.string() })),
  }),
  /** What the science page gathers: the roadmap goals that are science, and the science group's slug. */
  science: z.object({ goals: z.array(z.string()), group: z.string().optional() }).optional(),
  /** The forum's own name for its roadmap ("Global Exploration Roadmap"). */
  roadmap: z.object({ name: z.string() }).optional(),
  /** The uploaded logo shown in the header: a stored file, by content hash, and its image type. */
  logo: z.object({ sha256: z.string(), type: z.string() }).optional(),
  /** The main navigation's order and labels, by address; sections not named keep their defaults. */
  nav: z.array(z.object({ href: z.string(), label: z.string() })).optional(),
});
export type Forum = z.infer<typeof forumSchema>;

/** The file extension the logo's address carries, so saved copies open in the right program. */
export const logoExtension = (type: string) =>
  ({ "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/svg+xml": "svg" })[type] ?? "img";

/** The logo's public address; it changes with the content, so it can be cached for good. */
export const logoPath = (logo: NonNullable<Forum["logo"]>) =>
  `/site-logo/${logo.sha256}.${logoExtension(logo.type)}`;

/** The roadmap's name as the forum calls it; a forum that never named it has a "Roadmap". */
export const roadmapName = (forum: Forum) => forum.roadmap?.name || "Roadmap";

/** Used before the dataset is loaded, so pages still render. */
const fallbackForum: Forum = {
  name: "Coordination forum",
  acronym: "Forum",
  tagline: "",
  established: "",
  secretariat: { hostAcronym: "", name: "Secretariat", address: [], email: "", note: "" },
  about: {
    purpose: "",
    principles: [],
    background: "",
    gesThemes: [],
    notGoverning: "",
    membershipRule: "",
    publicInput: "",
  },
  home: { intro: "", highlights: [] },
};

// One memo per page cache (per app instance), so apps in one process never share it.
const memos = new WeakMap<PageCache, { version: number; forum: Forum }>();

/**
 * The forum settings, read once per cache generation (writes invalidate it). While the database
 * cannot be reached, the last settings read still frame the pages (the error page among them).
 */
export async function loadForum(deps: Pick<Deps, "db" | "cache">): Promise<Forum> {
  const memo = memos.get(deps.cache);
  if (memo && memo.version === deps.cache.currentVersion) return memo.forum;
  let row: { value: unknown } | undefined;
  try {
    [row] = await deps.db.select().from(forumSettings).where(eq(forumSettings.key, "forum"));
  } catch (e) {
    if (memo) return memo.forum;
    throw e;
  }
  const parsed = forumSchema.safeParse(row?.value);
  const forum = parsed.success ? parsed.data : fallbackForum;
  memos.set(deps.cache, { version: deps.cache.currentVersion, forum });
  return forum;
}
