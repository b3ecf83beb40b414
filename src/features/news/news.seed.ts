import { z } from "zod";
import type { Db } from "../../db/client.js";
import { newsArticles } from "../../db/schema/index.js";
import { systemActor } from "../../http/actor.js";
import { articleInput, toContent } from "./news.schemas.js";
import { createRevision } from "./news.service.js";

/** One article in `data/<dataset>/news.json`: the article input plus its address, sources and caveats. */
export const datasetNews = z.intersection(
  articleInput,
  z.object({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    uncertain: z.boolean().default(false),
    sources: z.array(z.string()).min(1),
  }),
);
export type DatasetNews = z.infer<typeof datasetNews>;

/**
 * Adds the dataset's articles that are not there yet (by slug), published at noon UTC of their
 * date, each with a first revision; existing articles, edited or not, are kept as they are.
 */
export async function seedNews(tx: Db, items: DatasetNews[]): Promise<number> {
  let added = 0;
  const seed = systemActor("seed");
  for (const item of items) {
    const content = toContent(item);
    const publishAt = new Date(`${item.date}T12:00:00Z`);
    const [row] = await tx
      .insert(newsArticles)
      .values({
        ...content,
        slug: item.slug,
        status: "published",
        publishAt,
        uncertain: item.uncertain,
        sources: item.sources,
        createdAt: publishAt,
        updatedAt: publishAt,
      })
      .onConflictDoNothing()
      .returning({ id: newsArticles.id });
    if (!row) continue;
    await createRevision(tx, seed, row.id, content, "Loaded from the dataset", publishAt);
    added++;
  }
  return added;
}
