import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import {
  gapAssessmentAgencies,
  gapAssessments,
  gapAssessmentTechnologies,
  organisations,
  publications,
  technologies,
} from "../../../db/schema/index.js";

export type AssessmentRow = typeof gapAssessments.$inferSelect;
/** An assessment with its team, its technologies and the publication holding its report. */
export type Assessment = AssessmentRow & {
  agencies: Array<{ id: number; acronym: string; slug: string }>;
  technologies: Array<{ id: number; code: string; title: string }>;
  publication: { id: number; slug: string; title: string } | null;
};

const statusOrder = { ongoing: 0, planned: 1, published: 2 } as const;

/** Every assessment with its links: ongoing first, then planned, then published, newest first. */
export async function listAssessments(db: Db): Promise<Assessment[]> {
  const rows = await db.select().from(gapAssessments).orderBy(asc(gapAssessments.title));
  const full = await withLinks(db, rows);
  return full.sort(
    (a, b) =>
      statusOrder[a.status] - statusOrder[b.status] ||
      (b.endedOn ?? b.startedOn ?? "").localeCompare(a.endedOn ?? a.startedOn ?? ""),
  );
}

/** One assessment by its slug, with its links. */
export async function findAssessment(db: Db, slug: string): Promise<Assessment | undefined> {
  const rows = await db.select().from(gapAssessments).where(eq(gapAssessments.slug, slug.toLowerCase()));
  return (await withLinks(db, rows))[0];
}

async function withLinks(db: Db, rows: AssessmentRow[]): Promise<Assessment[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const pubIds = rows.map((r) => r.publicationId).filter((id): id is number => id !== null);
  const [agencies, techs, pubs] = await Promise.all([
    db
      .select({
        assessmentId: gapAssessmentAgencies.assessmentId,
        id: organisations.id,
        acronym: organisations.acronym,
        slug: organisations.slug,
      })
      .from(gapAssessmentAgencies)
      .innerJoin(organisations, eq(organisations.id, gapAssessmentAgencies.organisationId))
      .where(inArray(gapAssessmentAgencies.assessmentId, ids))
      .orderBy(asc(organisations.acronym)),
    db
      .select({
        assessmentId: gapAssessmentTechnologies.assessmentId,
        id: technologies.id,
        code: technologies.code,
        title: technologies.title,
      })
      .from(gapAssessmentTechnologies)
      .innerJoin(technologies, eq(technologies.id, gapAssessmentTechnologies.technologyId))
      .where(inArray(gapAssessmentTechnologies.assessmentId, ids))
      .orderBy(asc(technologies.code)),
    pubIds.length
      ? db
          .select({ id: publications.id, slug: publications.slug, title: publications.title })
          .from(publications)
          .where(inArray(publications.id, pubIds))
      : Promise.resolve([]),
  ]);
  return rows.map((r) => ({
    ...r,
    agencies: agencies.filter((a) => a.assessmentId === r.id).map(({ assessmentId: _, ...a }) => a),
    technologies: techs.filter((t) => t.assessmentId === r.id).map(({ assessmentId: _, ...t }) => t),
    publication: pubs.find((p) => p.id === r.publicationId) ?? null,
  }));
}
