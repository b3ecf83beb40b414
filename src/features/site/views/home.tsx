import type { Deps } from "../../../deps.js";
import type { Forum } from "../../../web/forum.js";
import type { Organisation } from "../../directory/directory.queries.js";
import { LatestNews } from "../../news/views/article.js";
import { HomeLatestPublications } from "../../publications/views/latest-publications.js";
import type { ChairRow } from "./about.js";
import { HomeHero, HomeHighlights } from "./site-texts.js";

/** Home: the forum's introduction, its latest news and publications, its figures and its members. */
export function HomePage(p: {
  forum: Forum;
  deps: Deps;
  current: Organisation[];
  countries: number;
  chair: ChairRow | undefined;
}) {
  const { forum, current, chair } = p;
  return (
    <>
      <HomeHero forum={forum} />
      <LatestNews deps={p.deps} />
      <HomeLatestPublications db={p.deps.db} />
      <section class="wrap section" aria-labelledby="facts">
        <h2 id="facts" class="visually-hidden">
          The forum in figures
        </h2>
        <dl class="facts">
          <div>
            <dt>Member organisations</dt>
            <dd>{current.length}</dd>
          </div>
          <div>
            <dt>Countries and regions</dt>
            <dd>{p.countries}</dd>
          </div>
          <div>
            <dt>Founding members</dt>
            <dd>{current.filter((o) => o.founding).length}</dd>
          </div>
          {chair ? (
            <div>
              <dt>Chair</dt>
              <dd>
                <a href={`/members/${chair.slug}`}>{chair.acronym}</a>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section class="wrap section" aria-labelledby="members">
        <h2 id="members">The members</h2>
        <ul class="member-chips">
          {current.map((o) => (
            <li>
              <a href={`/members/${o.slug}`} title={o.name}>
                {o.acronym}
                <span class="visually-hidden"> · {o.name}</span>
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a href="/members">All members, and how membership grew since {forum.established.slice(0, 4)}</a>
        </p>
      </section>
      <HomeHighlights forum={forum} />
    </>
  );
}
