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

/**
 * How many matches per type are ranked on top of the title matches: the newest ones (besides the
 * rows the requested page needs). Ranking reads each candidate's whole vector, so a broad query
 * ranks a bounded set instead of every match; a query with fewer matches than this ranks them all.
 */
export const RANK_CANDIDATES = 200;

/** Where each type lives, which rows the reader may see, and what its date and title are. */
function source(type: SearchType, p: SearchParams) {
  const year = p.year ?? null;
  switch (type) {
    case "news":
      return {
        from: "news_articles a",
        date: "a.news_date",
        precision: "'day'",
        title: "a.title",
        where: sql`a.status = 'published' and a.publish_at <= ${p.now.toISOString()}::timestamptz
          ${year === null ? sql`` : sql`and extract(year from a.news_date) = ${year}`}`,
      };
    case "publication":
      return {
        from: "publications a",
        date: "coalesce(a.posted_on, a.published_on)",
        precision: "case when a.posted_on is null then a.published_precision else 'day' end",
        title: "a.title",
        where:
          year === null ? sql`true` : sql`extract(year from coalesce(a.posted_on, a.published_on)) = ${year}`,
      };
    case "faq":
      // Questions and pages carry no date, so a year filter leaves them out.
      return year === null
        ? {
            from: "faq_questions a",
            date: "null::date",
            precision: "'day'",
            title: "a.question",
            where: sql`true`,
          }
        : null;
    case "page": {
      if (year !== null || p.pageSlugs.length === 0) return null;
      const slugs = sql.join(
        p.pageSlugs.map((s) => sql`${s}`),
        sql`, `,
      );
      return {
        from: "content_pages a",
        date: "null::date",
        precision: "'day'",
        title: "a.title",
        where: sql`a.slug in (${slugs})`,
      };
    }
  }
}

const columns = (type: SearchType, date: string, precision: string) =>
  `'${type}'::text as type, a.id, ${date}::text as date, ${precision}::text as precision, extract(year from ${date})::int as year`;

/**
 * One SELECT per type over its table's GIN-indexed vector, with its visibility rule. With a score,
 * only candidates are ranked: every row whose title matches (through the GIN index on the title
 * alone, see the schema) and the newest `limit` other matches.
 */
function branch(type: SearchType, p: SearchParams, withScore: boolean, limit: number): SQL | null {
  const s = source(type, p);
  if (!s) return null;
  const cols = sql.raw(columns(type, s.date, s.precision));
  const from = sql.raw(s.from);
  if (!withScore) return sql`select ${cols} from ${from}, tsq where a.search @@ tsq.q and ${s.where}`;
  // Title matches come from the small expression index on the title; "offset 0" keeps the list
  // of matches a separate step, found through the GIN index, before the newest are picked.
  return sql`select ${cols}, ${sql.raw(score("a"))} as score from ${from}, tsq where a.id in (
      (select a.id from ${from}, tsq where to_tsvector('english', ${sql.raw(s.title)}) @@ tsq.q and ${s.where})
      union
      (select m.id from (select a.id, ${sql.raw(s.date)} as d from ${from}, tsq
        where a.search @@ tsq.q and ${s.where} offset 0) m order by m.d desc nulls last, m.id limit ${limit}))`;
}

function hits(p: SearchParams, types: readonly SearchType[], withScore: boolean): SQL {
  const limit = RANK_CANDIDATES + p.page * p.perPage;
  const parts = types.map((t) => branch(t, p, withScore, limit)).filter((s): s is SQL => s !== null);
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
