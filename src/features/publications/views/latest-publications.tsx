import type { Db } from "../../../db/client.js";
import { latestPublications, type PublicationSummary } from "../publications.queries.js";
import { PublicationDate } from "./publication-parts.js";

/** Home's "Latest publications" block with their "Posted on" dates. */
export function LatestPublications({ items }: { items: PublicationSummary[] }) {
  if (items.length === 0) return null;
  return (
    <section class="wrap section" aria-labelledby="latest-publications">
      <h2 id="latest-publications">Latest publications</h2>
      <ul class="pub-list pub-list-compact">
        {items.map((p) => (
          <li class="pub-item">
            <a class="pub-title" href={`/publications/${p.slug}`}>
              {p.title}
            </a>{" "}
            <PublicationDate p={p} />
          </li>
        ))}
      </ul>
      <p>
        <a href="/publications">All publications</a>
      </p>
    </section>
  );
}

/** The block for Home, loading its own data (an async component, so Home needs one line). */
export async function HomeLatestPublications({ db }: { db: Db }) {
  return <LatestPublications items={await latestPublications(db, 5)} />;
}
