import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { type SearchType, searchTypes } from "./search.schemas.js";
import { HEADLINE_OPTIONS, TITLE_HEADLINE_OPTIONS } from "./search.snippet.js";

/** What to look for, and what the reader may see. */
export type SearchParams = {
  q: string;
  type?: SearchType;
  year?: number;
  page: number;
  perPage: number;
  /** News is live when published and its publication time has passed at `now`. */
  now: Date;
  /** Content pages that have a public address (others are not shown to anyone). */
  pageSlugs: string[];
};

/** One result, with the title and snippet still carrying ts_headline's markers. */
export type SearchRow = {
  type: SearchType;
  id: number;
  slug: string;
  title: string;
  titleMarked: string;
  snippetMarked: string;
  date: string | null;
  precision: "year" | "month" | "day" | null;
  year: number | null;
  score: number;
};

/** How many results each type and year has, for the filter links. */
export type Facet = { type: SearchType; year: number | null; n: number };

/**
 * The score of a row: a title match counts 1 on top of the cover density (ts_rank_cd with weights
 * for D, C, B, A = PDF text, bodies, summaries, titles; normalised by log length, then into 0..1 by
 * flag 32), so a match in a title always ranks above a match only in a body.
 */
const score = (alias: string) =>
  `(case when ts_filter(${alias}.search, '{a}') @@ tsq.q then 1 else 0 end` +
  ` + ts_rank_cd('{0.05, 0.2, 0.5, 1.0}'::float4[], ${alias}.search, tsq.q, 33))`;

/** One SELECT per type over its table's GIN-indexed vector, with its visibility rule. */
function branch(type: SearchType, p: SearchParams, withScore: boolean): SQL | null {
  const year = p.year ?? null;
  const pick = (alias: string, dateExpr: string, precision = "'day'") =>
    sql.raw(
      `select '${type}'::text as type, ${alias}.id, ${dateExpr}::text as date, ${precision}::text as precision,` +
        ` extract(year from ${dateExpr})::int as year${withScore ? `, ${score(alias)} as score` : ""}`,
    );
  switch (type) {
    case "news":
      return sql`${pick("a", "a.news_date")} from news_articles a, tsq
        where a.search @@ tsq.q and a.status = 'published' and a.publish_at <= ${p.now.toISOString()}::timestamptz
        ${year === null ? sql`` : sql`and extract(year from a.news_date) = ${year}`}`;
    case "publication":
      return sql`${pick("p", "coalesce(p.posted_on, p.published_on)", "case when p.posted_on is null then p.published_precision else 'day' end")} from publications p, tsq
        where p.search @@ tsq.q
        ${year === null ? sql`` : sql`and extract(year from coalesce(p.posted_on, p.published_on)) = ${year}`}`;
    case "faq":
      // Questions and pages carry no date, so a year filter leaves them out.
      return year === null
        ? sql`${pick("f", "null::date")} from faq_questions f, tsq where f.search @@ tsq.q`
        : null;
    case "page": {
      if (year !== null || p.pageSlugs.length === 0) return null;
      const slugs = sql.join(
        p.pageSlugs.map((s) => sql`${s}`),
        sql`, `,
      );
      return sql`${pick("g", "null::date")} from content_pages g, tsq where g.search @@ tsq.q and g.slug in (${slugs})`;
    }
  }
}

function hits(p: SearchParams, types: readonly SearchType[], withScore: boolean): SQL {
  const parts = types.map((t) => branch(t, p, withScore)).filter((s): s is SQL => s !== null);
  return parts.length
    ? sql.join(parts, sql` union all `)
    : sql`select null::text as type, null::int as id, null::text as date, null::text as precision, null::int as year${withScore ? sql`, 0::float4 as score` : sql``} where false`;
}

const tsq = (q: string) => sql`tsq as (select websearch_to_tsquery('english', ${q}) as q)`;

type Rows<T> = { rows: T[] };

/** Result counts by type and year over every match the reader may see (filters not applied). */
export async function searchFacets(db: Db, p: SearchParams): Promise<Facet[]> {
  const all = { ...p, type: undefined, year: undefined };
  const res = (await db.execute(sql`with ${tsq(p.q)}
    select type, year, count(*)::int as n from (${hits(all, searchTypes, false)}) h group by type, year`)) as unknown as Rows<Facet>;
  return res.rows.map((r) => ({
    type: r.type,
    year: r.year === null ? null : Number(r.year),
    n: Number(r.n),
  }));
}

/** One page of results, best first, with highlighted titles and snippets for just that page. */
export async function searchPage(db: Db, p: SearchParams): Promise<SearchRow[]> {
  const types = p.type ? [p.type] : searchTypes;
  const res = (await db.execute(sql`with ${tsq(p.q)},
    top as (
      select * from (${hits(p, types, true)}) h
      order by score desc, date desc nulls last, type, id
      limit ${p.perPage} offset ${(p.page - 1) * p.perPage}
    )
    select top.type, top.id, top.date, top.precision, top.year, top.score,
      coalesce(n.slug, u.slug, f.slug, g.slug) as slug,
      coalesce(n.title, u.title, f.question, g.title) as title,
      ts_headline('english', coalesce(n.title, u.title, f.question, g.title), tsq.q, ${TITLE_HEADLINE_OPTIONS}) as "titleMarked",
      ts_headline('english', case top.type
          when 'news' then n.summary || E'\n' || n.body
          when 'publication' then coalesce(u.description, '') || E'\n' || left(coalesce(u.text, ''), 100000)
          when 'faq' then f.answer
          else coalesce(g.summary, '') || E'\n' || g.body end,
        tsq.q, ${HEADLINE_OPTIONS}) as "snippetMarked"
    from top cross join tsq
    left join news_articles n on top.type = 'news' and n.id = top.id
    left join publications u on top.type = 'publication' and u.id = top.id
    left join faq_questions f on top.type = 'faq' and f.id = top.id
    left join content_pages g on top.type = 'page' and g.id = top.id
    order by top.score desc, top.date desc nulls last, top.type, top.id`)) as unknown as Rows<SearchRow>;
  return res.rows.map((r) => ({
    ...r,
    id: Number(r.id),
    year: r.year === null ? null : Number(r.year),
    score: Number(r.score),
  }));
}
