import { and, asc, count, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { type PublicationCategory, publications } from "../../db/schema/index.js";

export type Publication = typeof publications.$inferSelect;

/** The date a publication sorts and filters by: posted on the site, else published. */
const effectiveDate = sql`coalesce(${publications.postedOn}, ${publications.publishedOn})`;

export type PublicationFilter = { category?: PublicationCategory; year?: number };

function where(f: PublicationFilter) {
  return and(
    f.category ? eq(publications.category, f.category) : undefined,
    f.year ? sql`extract(year from ${effectiveDate}) = ${f.year}` : undefined,
  );
}

// The extracted text can be large; lists never need it.
const { text: _text, ...listColumns } = getTableColumns(publications);

/** A page of publications, newest first (posted date, else published date), without their text. */
export async function listPublications(db: Db, filter: PublicationFilter, page: number, perPage: number) {
  const rows = await db
    .select(listColumns)
    .from(publications)
    .where(where(filter))
    .orderBy(sql`${effectiveDate} desc nulls last`, asc(publications.title), asc(publications.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [total] = await db.select({ n: count() }).from(publications).where(where(filter));
  return { rows, total: total?.n ?? 0 };
}
export type PublicationSummary = Awaited<ReturnType<typeof listPublications>>["rows"][number];

/** The latest publications for Home. */
export async function latestPublications(db: Db, n: number) {
  return (await listPublications(db, {}, 1, n)).rows;
}

/** The years that have publications, newest first (for the year filter). */
export async function publicationYears(db: Db): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: sql<number>`extract(year from ${effectiveDate})::int` })
    .from(publications)
    .where(sql`${effectiveDate} is not null`)
    .orderBy(desc(sql`1`));
  return rows.map((r) => Number(r.year));
}

/** One publication by its address segment. */
export async function findPublication(db: Db, slug: string): Promise<Publication | undefined> {
  const [row] = await db.select().from(publications).where(eq(publications.slug, slug.toLowerCase()));
  return row;
}

/** Slugs and titles of every publication, for the "previous edition" choice. */
export function publicationChoices(db: Db) {
  return db
    .select({ id: publications.id, slug: publications.slug, title: publications.title })
    .from(publications)
    .orderBy(asc(publications.title));
}

/**
 * Every edition in the lineage of a publication, oldest first: follows "previous edition"
 * links back to the first, then forward. Cycles are cut by remembering what was seen.
 */
export async function editionLineage(db: Db, p: Publication) {
  const fields = {
    id: publications.id,
    slug: publications.slug,
    title: publications.title,
    editionLabel: publications.editionLabel,
    previousEditionId: publications.previousEditionId,
    publishedOn: publications.publishedOn,
    publishedPrecision: publications.publishedPrecision,
  };
  type Edition = { id: number; slug: string; title: string; editionLabel: string | null } & Record<
    string,
    unknown
  >;
  const seen = new Set<number>([p.id]);
  const before: Edition[] = [];
  let prev = p.previousEditionId;
  while (prev && !seen.has(prev) && seen.size < 50) {
    const [row] = await db.select(fields).from(publications).where(eq(publications.id, prev));
    if (!row) break;
    seen.add(row.id);
    before.unshift(row);
    prev = row.previousEditionId;
  }
  const after: Edition[] = [];
  let current = p.id;
  while (seen.size < 50) {
    const [row] = await db
      .select(fields)
      .from(publications)
      .where(eq(publications.previousEditionId, current))
      .orderBy(asc(publications.id))
      .limit(1);
    if (!row || seen.has(row.id)) break;
    seen.add(row.id);
    after.push(row);
    current = row.id;
  }
  return { before, after };
}
