import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import {
  gapAssessmentAgencies,
  gapAssessments,
  gapAssessmentTechnologies,
  organisations,
  publications,
  technologies,
} from "../../../db/schema/index.js";
import type { DatasetAssessments } from "./assessments.schemas.js";

const firstDay = (d: string | null) => (d ? [...d.split("-"), "01", "01"].slice(0, 3).join("-") : null);

/**
 * Inserts the dataset's gap assessments that are not there yet (by slug), with their team,
 * technologies and report; existing ones keep the secretariat's edits. Returns how many were added.
 * Unknown agencies, technologies or publications stop the seed with the name at fault.
 */
export async function seedAssessments(tx: Db, data: DatasetAssessments | undefined): Promise<number> {
  if (!data || data.assessments.length === 0) return 0;
  let added = 0;
  for (const a of data.assessments) {
    const publicationId = a.publication ? await idOf(tx, "publication", a.publication) : null;
    const [row] = await tx
      .insert(gapAssessments)
      .values({
        slug: a.slug,
        title: a.title,
        status: a.status,
        scope: a.scope,
        startedOn: firstDay(a.started),
        endedOn: firstDay(a.ended),
        findings: a.findings,
        recommendations: a.recommendations,
        publicationId,
        uncertain: a.uncertain,
        uncertainNote: a.uncertainNote,
        sources: a.sources,
      })
      .onConflictDoNothing()
      .returning({ id: gapAssessments.id });
    if (!row) continue;
    added++;
    await linkAssessment(tx, row.id, a);
  }
  return added;
}

async function linkAssessment(tx: Db, assessmentId: number, a: DatasetAssessments["assessments"][number]) {
  if (a.agencies.length) {
    const orgs = await tx.select().from(organisations).where(inArray(organisations.acronym, a.agencies));
    const missing = a.agencies.filter((x) => !orgs.some((o) => o.acronym === x));
    if (missing.length) throw new Error(`Assessment ${a.slug} names unknown agency ${missing[0]}.`);
    await tx
      .insert(gapAssessmentAgencies)
      .values(orgs.map((o) => ({ assessmentId, organisationId: o.id })))
      .onConflictDoNothing();
  }
  if (a.technologies.length) {
    const techs = await tx.select().from(technologies).where(inArray(technologies.code, a.technologies));
    // The Critical Technology List is seeded just before; a dataset without it links nothing.
    if (techs.length)
      await tx
        .insert(gapAssessmentTechnologies)
        .values(techs.map((t) => ({ assessmentId, technologyId: t.id })))
        .onConflictDoNothing();
  }
}

async function idOf(tx: Db, what: "publication", slug: string): Promise<number> {
  const [row] = await tx
    .select({ id: publications.id })
    .from(publications)
    .where(eq(publications.slug, slug));
  if (!row) throw new Error(`Assessment names unknown ${what} ${slug}.`);
  return row.id;
}
