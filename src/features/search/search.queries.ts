import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { type SearchType, searchTypes } from "./search.schemas.js";
import { HEADLINE_OPTIONS, TITLE_HEADLINE_OPTIONS } from "./search.snippet.service.js";

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

/** The parsed query: what PostgreSQL makes of the words, and whether it holds a phrase. */
export type ParsedQuery = { tsquery: string; phrase: boolean };

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

/** One visible match, before ranking: enough to count it by type and year and to pick the newest. */
export type Match = { type: SearchType; id: number; date: string | null; year: number | null };

/**
 * Counting stops after this many matches of one type: "1,000+ results" costs as little for a word
 * in half the documents as for a rare one, since the matches past it are never visited.
 */
export const COUNT_CAP = 1000;

/**
 * How many matches per type are ranked on top of the title matches: the newest ones (besides the
 * rows the requested page needs). Ranking reads each candidate's whole vector, so a broad query
 * ranks a bounded set instead of every match; a query with fewer matches than this ranks them all.
 */
export const RANK_CANDIDATES = 100;

/** A year as a date range, so that an index on the date can narrow the matches (extract() cannot). */
const inYear = (date: string, year: number) =>
  sql`${sql.raw(date)} >= make_date(${year}, 1, 1) and ${sql.raw(date)} < make_date(${year + 1}, 1, 1)`;

/**
 * An undated type (FAQ answers, pages, members, groups, technologies, assessments): left out by a
 * year filter, since it has no year to match.
 */
const undated = (year: number | null, from: string, title: string, where: SQL = sql`true`) =>
  year === null ? { from, date: "null::date", precision: "'day'", title, where } : null;

/** Where each type lives, which rows the reader may see, and what its date and title are. */
function source(type: SearchType, p: SearchParams) {
  const year = p.year ?? null;
  switch (type) {
    case "mission":
      // Every mission is public; dated by its launch (a quarter shown as its year).
      return {
        from: "missions a",
        date: "a.launch_on",
        precision: "case when a.launch_precision = 'quarter' then 'year' else a.launch_precision end",
        title: "a.name",
        where: year === null ? sql`true` : inYear("a.launch_on", year),
      };
    case "meeting": {
      // Only public meetings; dated by their first day where they take place.
      const day = "(a.starts_at at time zone a.time_zone)::date";
      return {
        from: "meetings a",
        date: day,
        precision: "case when a.precision = 'time' then 'day' else a.precision end",
        title: "a.title",
        where: sql`a.public ${year === null ? sql`` : sql`and ${inYear(day, year)}`}`,
      };
    }
    case "member":
      return undated(year, "organisations a", "a.name || ' ' || a.acronym");
    case "group":
      return undated(year, "working_groups a", "a.name");
    case "technology":
      return undated(year, "technologies a", "a.code || ' ' || a.title");
    case "assessment":
      return undated(year, "gap_assessments a", "a.title");
    case "news":
      return {
        from: "news_articles a",
        date: "a.news_date",
        precision: "'day'",
        title: "a.title",
        where: sql`a.status = 'published' and a.publish_at <= ${p.now.toISOString()}::timestamptz
          ${year === null ? sql`` : sql`and ${inYear("a.news_date", year)}`}`,
      };
    case "publication":
      return {
        from: "publications a",
        date: "coalesce(a.posted_on, a.published_on)",
        precision: "case when a.posted_on is null then a.published_precision else 'day' end",
        title: "a.title",
        where: year === null ? sql`true` : inYear("coalesce(a.posted_on, a.published_on)", year),
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
 * Every visible row of one type that has all the words, found through the GIN index alone. For a
 * phrase this is a superset (`tsq.words`: the phrase's words joined by AND, no positions to check).
 */
function matches(type: SearchType, p: SearchParams): SQL | null {
  const s = source(type, p);
  if (!s) return null;
  return sql`select ${sql.raw(columns(type, s.date, s.precision))} from ${sql.raw(s.from)}, tsq
    where a.search @@ tsq.words and ${s.where}`;
}

/**
 * The query as a one-row CTE, materialized so the planner cannot see the words: seeing a word in
 * most rows of a table, it would prefer a sequential scan that reads every row's vector (23 ms for
 * 1,001 of 28,000 publications) to the GIN index (8 ms), not knowing the LIMIT stops it early.
 */
const tsq = (q: ParsedQuery) =>
  sql`tsq as materialized (select ${q.tsquery}::tsquery as q, ${q.phrase ? sql`regexp_replace(${q.tsquery}, '<[0-9-]+>', '&', 'g')::tsquery` : sql`${q.tsquery}::tsquery`} as words)`;

type Rows<T> = { rows: T[] };

/** Parses the words as the search does (web search syntax); an empty tsquery means only stop words. */
export async function parseQuery(db: Db, q: string): Promise<ParsedQuery> {
  const res = (await db.execute(
    sql`select websearch_to_tsquery('english', ${q})::text as t`,
  )) as unknown as Rows<{ t: string }>;
  const tsquery = res.rows[0]?.t ?? "";
  // A negated phrase cannot be checked on the rows with all its words (that would exclude too much).
  return { tsquery, phrase: /<[0-9-]+>/.test(tsquery) && !tsquery.includes("!") };
}

/** A sample of matches, and the types whose matches went past COUNT_CAP (counts are lower bounds). */
export type MatchSample = { matches: Match[]; capped: SearchType[] };

/**
 * The visible matches of each type (with the type and year filters), at most COUNT_CAP + 1 rows
 * with all the words per type, so the work stops early for common words. Each type's rows are a
 * materialized CTE: planned without the LIMIT put on it, PostgreSQL keeps the bitmap scan of the
 * GIN index (a limit tempts it into a sequential scan that decompresses every row's vector). A
 * phrase is then checked on those rows only, so a phrase of common words stays bounded too.
 */
export async function searchMatches(db: Db, p: SearchParams, q: ParsedQuery): Promise<MatchSample> {
  if (!q.tsquery) return { matches: [], capped: [] };
  // One statement per type, sent together: on a PostgreSQL server each runs on its own connection,
  // so the types' samples (and a phrase's checks, the slowest part) are taken side by side.
  const perType = (p.type ? [p.type] : searchTypes).map((type) => typeSample(db, type, p, q));
  const rows = (await Promise.all(perType)).flat();
  const capped = rows.filter((r) => r.id === null).map((r) => r.type);
  const found = rows
    .filter((r) => r.id !== null)
    .map((r) => ({
      type: r.type,
      id: Number(r.id),
      date: r.date,
      year: r.year === null ? null : Number(r.year),
    }));
  return { matches: found, capped };
}

/** One type's sample of matches, plus a row without an id if the type has more than COUNT_CAP. */
async function typeSample(db: Db, type: SearchType, p: SearchParams, q: ParsedQuery): Promise<Match[]> {
  const m = matches(type, p);
  if (!m) return [];
  const s = source(type, p)!;
  // A correlated subquery, so each sampled row's vector is read by its key: as a join, PostgreSQL
  // would check the phrase against every row of the table that has the words.
  const rows = q.phrase
    ? sql`select s.type, s.id, s.date, s.year from s_sample s
        where (select a.search @@ tsq.q from ${sql.raw(s.from)}, tsq where a.id = s.id)`
    : sql`select type, id, date, year from s_sample`;
  const res = (await db.execute(sql`with ${tsq(q)}, m_all as materialized (${m}),
      s_sample as materialized (select * from m_all limit ${COUNT_CAP + 1})
    (${rows}) union all (select ${type}::text, null::int, null::text, null::int
      where (select count(*) from s_sample) > ${COUNT_CAP})`)) as unknown as Rows<Match>;
  return res.rows;
}

/**
 * One type's best `need` rows, best first. The score is the cover density (ts_rank_cd with weights
 * for D, C, B, A = PDF text, bodies, summaries, titles; normalised by log length, then into 0..1 by
 * flag 32), plus 1 for a title match, so a title match always ranks above a match only in a body.
 * Scored are the newest visible rows whose title matches, found through the small GIN index on the
 * title alone (see the schema), at most RANK_CANDIDATES + `need` of them so a word found in
 * thousands of titles still ranks a bounded set, and the given other candidates. When the title
 * matches fill `need`, the others cannot reach it and are not scored at all (reading their vectors
 * was half the work of a common word's page); otherwise every title match is among those found, so
 * no other candidate has one and none needs its title parsed again.
 */
async function rankType(
  db: Db,
  type: SearchType,
  p: SearchParams,
  q: ParsedQuery,
  others: number[],
  need: number,
): Promise<SearchRow[]> {
  const s = source(type, p);
  if (!s) return [];
  const from = sql.raw(s.from);
  const rank = "ts_rank_cd('{0.05, 0.2, 0.5, 1.0}'::float4[], a.search, tsq.q, 33)";
  const select = (score: string) =>
    sql`select ${sql.raw(columns(type, s.date, s.precision))}, ${sql.raw(score)} as score from ${from}, tsq`;
  // One array literal of integers, however many candidates.
  const ids = `{${others.map((id) => Math.trunc(id)).join(",")}}`;
  const res = (await db.execute(sql`with ${tsq(q)}, titled as materialized (
      select a.id from ${from}, tsq where to_tsvector('english', ${sql.raw(s.title)}) @@ tsq.q and ${s.where}
      order by ${sql.raw(s.date)} desc nulls last, a.id limit ${RANK_CANDIDATES + need}
    )
    ${select(`1 + ${rank}`)} where a.id in (select id from titled)
    union all
    ${select(rank)} where a.id = any(${ids}::int[]) and a.id not in (select id from titled)
      and (select count(*) from titled) < ${need}
    order by score desc, date desc nulls last, id limit ${need}`)) as unknown as Rows<SearchRow>;
  return res.rows.map((r) => ({
    ...r,
    id: Number(r.id),
    year: r.year === null ? null : Number(r.year),
    score: Number(r.score),
  }));
}

/** Orders results as the ranking does: best score first, then newest, then type and id. */
const byRank = (a: SearchRow, b: SearchRow) =>
  b.score - a.score ||
  (b.date ?? "").localeCompare(a.date ?? "") ||
  (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) ||
  a.id - b.id;

/**
 * One page of results, best first, with highlighted titles and snippets. Each type's candidates
 * (ids per type, already visible and filtered, besides its title matches) are ranked in a
 * statement of their own, sent together: on a PostgreSQL server they run side by side. The
 * highlights, which re-parse each text, are made for the page's rows only.
 */
export async function searchPage(
  db: Db,
  p: SearchParams,
  q: ParsedQuery,
  candidates: Record<SearchType, number[]>,
): Promise<SearchRow[]> {
  const need = p.page * p.perPage;
  const types = p.type ? [p.type] : searchTypes;
  const best = await Promise.all(types.map((t) => rankType(db, t, p, q, candidates[t], need)));
  const page = best
    .flat()
    .sort(byRank)
    .slice(need - p.perPage, need);
  return page.length ? highlighted(db, q, page) : [];
}

/**
 * What a result shows, per type: its table, its slug (a technology's code), its title and the
 * text its snippet is cut from. Only what the public pages show: never sources or curation notes.
 */
const display: Record<SearchType, { table: string; slug: string; title: string; body: string }> = {
  news: {
    table: "news_articles",
    slug: "x.slug",
    title: "x.title",
    body: "x.summary || E'\\n' || x.body",
  },
  publication: {
    table: "publications",
    slug: "x.slug",
    title: "x.title",
    body: "coalesce(x.description, '') || E'\\n' || left(coalesce(x.text, ''), 100000)",
  },
  mission: {
    table: "missions",
    slug: "x.slug",
    title: "x.name",
    body: `concat_ws(E'\\n', x.description, x.lead_other,
      (select string_agg(v, ', ') from jsonb_array_elements_text(x.other_partners) v),
      (select string_agg(v, ', ') from jsonb_array_elements_text(x.instruments) v))`,
  },
  member: {
    table: "organisations",
    slug: "x.slug",
    title: "x.name || ' (' || x.acronym || ')'",
    body: `concat_ws(E'\\n', x.country, x.native_name,
      (select 'Also known as ' || string_agg(v, ', ') from jsonb_array_elements_text(x.aliases) v),
      (select 'Formerly ' || string_agg(v, ', ') from jsonb_array_elements_text(x.former_names) v),
      x.description)`,
  },
  meeting: {
    table: "meetings",
    slug: "x.slug",
    title: "x.title",
    body: "concat_ws(E'\\n', x.place, x.summary)",
  },
  group: {
    table: "working_groups",
    slug: "x.slug",
    title: "x.name || coalesce(' (' || x.acronym || ')', '')",
    body: "x.charter",
  },
  technology: {
    table: "technologies",
    slug: "x.code",
    title: "x.code || ' ' || x.title",
    body: "x.description",
  },
  assessment: {
    table: "gap_assessments",
    slug: "x.slug",
    title: "x.title",
    body: "concat_ws(E'\\n', x.scope, x.findings, x.recommendations)",
  },
  faq: { table: "faq_questions", slug: "x.slug", title: "x.question", body: "x.answer" },
  page: {
    table: "content_pages",
    slug: "x.slug",
    title: "x.title",
    body: "coalesce(x.summary, '') || E'\\n' || x.body",
  },
};

/**
 * The rows with their slug, title, and title and snippet marked by ts_headline: one statement per
 * type on the page (a page has at most ten rows), each joined to its own table by id.
 */
async function highlighted(db: Db, q: ParsedQuery, rows: SearchRow[]): Promise<SearchRow[]> {
  const types = [...new Set(rows.map((r) => r.type))];
  const parts = types.map((type) => {
    const d = display[type];
    const ids = `{${rows
      .filter((r) => r.type === type)
      .map((r) => Math.trunc(r.id))
      .join(",")}}`;
    const title = sql.raw(d.title);
    return sql`select ${type}::text as type, x.id, ${sql.raw(d.slug)} as slug, ${title} as title,
      ts_headline('english', ${title}, tsq.q, ${TITLE_HEADLINE_OPTIONS}) as "titleMarked",
      ts_headline('english', ${sql.raw(d.body)}, tsq.q, ${HEADLINE_OPTIONS}) as "snippetMarked"
      from ${sql.raw(d.table)} x cross join tsq where x.id = any(${ids}::int[])`;
  });
  const res = (await db.execute(sql`with ${tsq(q)} ${sql.join(parts, sql` union all `)}`)) as unknown as Rows<
    Pick<SearchRow, "type" | "id" | "slug" | "title" | "titleMarked" | "snippetMarked">
  >;
  const marked = new Map(res.rows.map((r) => [`${r.type}:${r.id}`, r]));
  return rows.map((r) => ({ ...r, ...marked.get(`${r.type}:${r.id}`)!, id: r.id }));
}
