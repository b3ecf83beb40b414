import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { chairTerms, organisations, people } from "../../db/schema/index.js";

export type Organisation = typeof organisations.$inferSelect;
export type PersonRow = typeof people.$inferSelect;

/** Every organisation, current members first, by acronym. */
export function listOrganisations(db: Db) {
  return db
    .select()
    .from(organisations)
    .orderBy(sql`${organisations.leftOn} is not null`, asc(sql`lower(${organisations.acronym})`));
}

/** One organisation by its address segment. */
export async function findOrganisationBySlug(db: Db, slug: string): Promise<Organisation | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.slug, slug.toLowerCase()));
  return row;
}

/**
 * The organisation one of whose other acronyms gives this address segment ("pts" for PT Space),
 * compared as slugs are made: lower case, spaces as hyphens.
 */
export async function findOrganisationByAlias(db: Db, slug: string): Promise<Organisation | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(
      sql`exists (select 1 from jsonb_array_elements_text(${organisations.aliases}) as a(alias)
        where replace(lower(a.alias), ' ', '-') = ${slug.toLowerCase()})`,
    );
  return row;
}

/** One organisation by acronym, case-insensitively. */
export async function findOrganisationByAcronym(db: Db, acronym: string): Promise<Organisation | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(sql`lower(${organisations.acronym}) = ${acronym.toLowerCase()}`);
  return row;
}

/** Chair terms, oldest first, with the chairing organisation. */
export function listChairTerms(db: Db, organisationId?: number) {
  return db
    .select({
      term: chairTerms,
      acronym: organisations.acronym,
      slug: organisations.slug,
      name: organisations.name,
    })
    .from(chairTerms)
    .innerJoin(organisations, eq(organisations.id, chairTerms.organisationId))
    .where(organisationId ? eq(chairTerms.organisationId, organisationId) : undefined)
    .orderBy(asc(chairTerms.startsOn));
}

/** One chair term with its agency's acronym. */
export async function findChairTerm(db: Db, id: number) {
  const [row] = await db
    .select({ term: chairTerms, acronym: organisations.acronym })
    .from(chairTerms)
    .innerJoin(organisations, eq(organisations.id, chairTerms.organisationId))
    .where(eq(chairTerms.id, id));
  return row;
}

export type PeopleFilter = { organisationId?: number; role?: string; q?: string; includeInactive?: boolean };

function peopleWhere(f: PeopleFilter) {
  return and(
    f.includeInactive ? undefined : eq(people.active, true),
    f.organisationId ? eq(people.organisationId, f.organisationId) : undefined,
    f.role ? sql`${f.role} = any(${people.roles})` : undefined,
    f.q ? or(ilike(people.name, `%${f.q}%`), ilike(people.email, `%${f.q}%`)) : undefined,
  );
}

/** A page of people with their organisation, by name. */
export async function listPeople(db: Db, filter: PeopleFilter, page: number, perPage: number) {
  const where = peopleWhere(filter);
  const rows = await db
    .select({ person: people, acronym: organisations.acronym, slug: organisations.slug })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(where)
    .orderBy(asc(people.name), asc(people.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [total] = await db.select({ n: count() }).from(people).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** How many people match, without reading them (a page that shows only the number). */
export async function countPeople(db: Db, filter: PeopleFilter): Promise<number> {
  const [total] = await db.select({ n: count() }).from(people).where(peopleWhere(filter));
  return total?.n ?? 0;
}

/** One person with their organisation. */
export async function findPerson(db: Db, id: number) {
  const [row] = await db
    .select({ person: people, acronym: organisations.acronym, slug: organisations.slug })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(people.id, id));
  return row;
}

/** One person by e-mail, case-insensitively. */
export async function findPersonByEmail(db: Db, email: string) {
  const [row] = await db.select().from(people).where(sql`lower(${people.email}) = ${email.toLowerCase()}`);
  return row;
}
