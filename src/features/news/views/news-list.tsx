import { EmptyState, PageHeader, Pagination } from "../../../web/components.js";
import { SubscribeBox } from "../../subscriptions/views/subscribe-box.js";
import type { Article } from "../news.queries.js";
import { ArticleCard } from "./article.js";

/** The public news: one card per published article, newest first, with the feeds and the pages. */
export function NewsList(p: { rows: Article[]; page: number; pages: number }) {
  return (
    <div class="wrap">
      <PageHeader
        eyebrow="News"
        title="News"
        lead="Meetings, publications and announcements from the forum, newest first."
        actions={
          <p class="feed-links small">
            Follow: <a href="/feeds/news.atom">Atom feed</a> · <a href="/feeds/news.rss">RSS feed</a>
          </p>
        }
      />
      {p.rows.length === 0 ? (
        <EmptyState title="No news yet">New articles will appear here when they are published.</EmptyState>
      ) : (
        <div class="news-list">
          {p.rows.map((a) => (
            <ArticleCard a={a} />
          ))}
        </div>
      )}
      <Pagination page={p.page} pages={p.pages} href={(n) => `/news?page=${n}`} />
      <SubscribeBox />
    </div>
  );
}
