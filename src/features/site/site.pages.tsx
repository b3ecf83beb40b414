import { Hono } from "hono";
import type { AppEnv } from "../../http/env.js";
import { renderPage } from "../../http/page.js";
import { TableScroll } from "../../web/components.js";
import { formatPartialDate } from "../../web/format.js";
import { listChairTerms, listOrganisations } from "../directory/directory.queries.js";
import { LatestNews } from "../news/views/article.js";
import { HomeLatestPublications } from "../publications/views/latest-publications.js";
import { AboutSections, HomeHero, HomeHighlights } from "./views/site-texts.js";

type ChairRow = Awaited<ReturnType<typeof listChairTerms>>[number];

/** Home and About. */
export function sitePages() {
  const app = new Hono<AppEnv>();

  app.get("/", async (c) => {
    const db = c.var.deps.db;
    const [orgs, chairs] = await Promise.all([listOrganisations(db), listChairTerms(db)]);
    const current = orgs.filter((o) => !o.leftOn);
    const countries = new Set(current.map((o) => o.country)).size;
    const chair = chairs.at(-1);
    return renderPage(c, {
      title: "",
      body: (ctx) => (
        <>
          <HomeHero forum={ctx.forum} />
          <LatestNews deps={c.var.deps} />
          <HomeLatestPublications db={c.var.deps.db} />
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
                <dd>{countries}</dd>
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
              <a href="/members">
                All members, and how membership grew since {ctx.forum.established.slice(0, 4)}
              </a>
            </p>
          </section>
          <HomeHighlights forum={ctx.forum} />
        </>
      ),
    });
  });

  app.get("/about", async (c) => {
    const chairs = await listChairTerms(c.var.deps.db);
    return renderPage(c, {
      title: "About",
      description: "Purpose, principles and background of the forum, its chair and its secretariat.",
      body: (ctx) => {
        const _a = ctx.forum.about;
        const s = ctx.forum.secretariat;
        return (
          <div class="wrap prose-page">
            <div class="page-header">
              <div>
                <p class="eyebrow">About</p>
                <h1>About {ctx.forum.acronym}</h1>
                <p class="lead">{ctx.forum.tagline}</p>
              </div>
            </div>
            <nav class="toc" aria-label="On this page">
              <ul>
                <li>
                  <a href="#purpose">Purpose</a>
                </li>
                <li>
                  <a href="#principles">Principles</a>
                </li>
                <li>
                  <a href="#background">Background</a>
                </li>
                <li>
                  <a href="#chair">Chair and secretariat</a>
                </li>
              </ul>
            </nav>
            <AboutSections forum={ctx.forum} />
            <section id="chair">
              <h2>Chair and secretariat</h2>
              <p>The chair rotates among member agencies. {s.note}</p>
              <ChairTable chairs={chairs} />
            </section>
          </div>
        );
      },
    });
  });

  return app;
}

function ChairTable({ chairs }: { chairs: ChairRow[] }) {
  return (
    <TableScroll label="Chairing agencies over time">
      <table>
        <caption>Chairing agencies over time</caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
          </tr>
        </thead>
        <tbody>
          {[...chairs].reverse().map(({ term, acronym, slug }) => (
            <tr>
              <th scope="row">
                <a href={`/members/${slug}`}>{acronym}</a>
                {term.person ? <span class="muted"> · {term.person}</span> : null}
              </th>
              <td>{formatPartialDate(term.startsOn, term.startPrecision)}</td>
              <td>
                {term.endsOn && term.endPrecision
                  ? formatPartialDate(term.endsOn, term.endPrecision)
                  : "present"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
