import { raw } from "hono/html";
import type { ArticleStatus, NewsDatePrecision } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import { Tag } from "../../../web/components.js";
import { formatPartialDate } from "../../../web/format.js";
import { renderMarkdown } from "../../../web/markdown.js";
import { listLatestArticles } from "../news.queries.js";

/** The date as precise as it is known, as HTML's datetime takes it: "2023", "2023-06" or "2023-06-28". */
const partialIso = (day: string, precision: NewsDatePrecision = "day") =>
  day.slice(0, { year: 4, month: 7, day: 10 }[precision]);

type Listed = { slug: string; title: string; newsDate: string; place: string | null; summary: string };

export const statusLabels: Record<ArticleStatus, string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  published: "Published",
  unpublished: "Unpublished",
};
const statusTones = { draft: "muted", scheduled: "accent", published: "ok", unpublished: "warn" } as const;

/** A status as a tag: the word carries the meaning, the colour only helps. */
export const StatusTag = ({ status }: { status: ArticleStatus }) => (
  <Tag tone={statusTones[status]}>{statusLabels[status]}</Tag>
);

/** "7 December 2023 · Songdo, Republic of Korea" (or "2023" when only the year is known), machine-readable. */
export const ArticleMeta = ({
  a,
}: {
  a: Pick<Listed, "newsDate" | "place"> & { datePrecision?: NewsDatePrecision };
}) => (
  <p class="article-meta">
    <time datetime={partialIso(a.newsDate, a.datePrecision)}>
      {formatPartialDate(a.newsDate, a.datePrecision ?? "day")}
    </time>
    {a.place ? <span> · {a.place}</span> : null}
  </p>
);

/** The article text rendered from Markdown (raw HTML is off, so this is safe to embed). */
export const ArticleBody = ({ body }: { body: string }) => (
  <div class="prose">{raw(renderMarkdown(body))}</div>
);

/** One article in a list: title link, date and place, summary. */
export const ArticleCard = ({ a, level = 2 }: { a: Listed; level?: 2 | 3 }) => {
  const title = <a href={`/news/${a.slug}`}>{a.title}</a>;
  return (
    <article class="news-item">
      {level === 2 ? <h2>{title}</h2> : <h3>{title}</h3>}
      <ArticleMeta a={a} />
      <p>{a.summary}</p>
    </article>
  );
};

/** Home's latest news: the newest article first, with its picture, and the two before it beside. */
export async function LatestNews({ deps }: { deps: Pick<Deps, "db" | "now"> }) {
  const [lead, ...earlier] = await listLatestArticles(deps.db, deps.now(), 3);
  if (!lead) return null;
  return (
    <section class="wrap section" aria-labelledby="latest-news">
      <h2 id="latest-news">Latest news</h2>
      <div class="latest-news">
        <div class="lead-article">
          {lead.imageUrl ? <img src={lead.imageUrl} alt={lead.imageAlt ?? ""} loading="lazy" /> : null}
          <ArticleCard a={lead} level={3} />
        </div>
        {earlier.map((a) => (
          <ArticleCard a={a} level={3} />
        ))}
      </div>
      <p>
        <a href="/news">All news</a>
      </p>
    </section>
  );
}
