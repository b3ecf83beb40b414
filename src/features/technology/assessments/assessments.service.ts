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
import type { Deps } from "../../../deps.js";
import type { Actor } from "../../../http/actor.js";
import { forbidden, invalid, notFound } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { write } from "../../../kit/write.js";
import { canManageAssessments } from "./assessments.policy.js";
import { findAssessment } from "./assessments.queries.js";
import { type AssessmentInput, assessmentInput } from "./assessments.schemas.js";

/** Checks that every chosen agency, technology and publication exists, else a 422 naming the field. */
async function checkLinks(
  db: Db,
  v: AssessmentInput,
): Promise<{ agencies: number[]; technologies: number[] }> {
  const agencies = [...new Set(v.agencies.map(Number))];
  const techs = [...new Set(v.technologies.map(Number))];
  const [orgRows, techRows, pubRows] = await Promise.all([
    agencies.length
      ? db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, agencies))
      : [],
    techs.length
      ? db.select({ id: technologies.id }).from(technologies).where(inArray(technologies.id, techs))
      : [],
    v.publication
      ? db.select({ id: publications.id }).from(publications).where(eq(publications.id, v.publication))
      : [],
  ]);
  if (orgRows.length !== agencies.length) throw invalid({ agencies: "Choose agencies from the list." });
  if (techRows.length !== techs.length) throw invalid({ technologies: "Choose technologies from the list." });
  if (v.publication && pubRows.length === 0)
    throw invalid({ publication: "Choose a publication from the list." });
  return { agencies, technologies: techs };
}

async function slugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: gapAssessments.id })
    .from(gapAssessments)
    .where(eq(gapAssessments.slug, slug));
  return row !== undefined && row.id !== exceptId;
}

const columns = (v: AssessmentInput) => ({
  slug: v.slug,
  title: v.title,
  status: v.status,
  scope: v.scope,
  startedOn: v.startedOn,
  endedOn: v.endedOn,
  findings: v.findings,
  recommendations: v.recommendations,
  publicationId: v.publication,
  uncertain: v.uncertain,
  uncertainNote: v.uncertainNote,
});

async function replaceLinks(tx: Db, id: number, links: { agencies: number[]; technologies: number[] }) {
  await tx.delete(gapAssessmentAgencies).where(eq(gapAssessmentAgencies.assessmentId, id));
  await tx.delete(gapAssessmentTechnologies).where(eq(gapAssessmentTechnologies.assessmentId, id));
  if (links.agencies.length)
    await tx
      .insert(gapAssessmentAgencies)
      .values(links.agencies.map((o) => ({ assessmentId: id, organisationId: o })));
  if (links.technologies.length)
    await tx
      .insert(gapAssessmentTechnologies)
      .values(links.technologies.map((t) => ({ assessmentId: id, technologyId: t })));
}

/** Adds a gap assessment report (secretariat only); returns its slug. */
export async function createAssessment(deps: Deps, actor: Actor, raw: unknown): Promise<string> {
  if (!canManageAssessments(actor)) throw forbidden("Only the secretariat manages gap assessments.");
  const v = parseInput(assessmentInput, raw);
  const links = await checkLinks(deps.db, v);
  if (await slugTaken(deps.db, v.slug))
    throw invalid({ slug: "Another assessment already has this address." });
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx.insert(gapAssessments).values(columns(v)).returning();
    await replaceLinks(tx, row!.id, links);
    await audit({
      action: "assessment.create",
      subjectType: "gap_assessment",
      subjectId: row!.id,
      summary: `Added the gap assessment “${v.title}”`,
      details: { after: { ...columns(v), ...links } },
    });
    return row!.slug;
  });
}

/** Changes a gap assessment report (secretariat only); returns its (possibly new) slug. */
export async function updateAssessment(
  deps: Deps,
  actor: Actor,
  slug: string,
  raw: unknown,
): Promise<string> {
  if (!canManageAssessments(actor)) throw forbidden("Only the secretariat manages gap assessments.");
  const before = await findAssessment(deps.db, slug);
  if (!before) throw notFound("This assessment");
  const v = parseInput(assessmentInput, raw);
  const links = await checkLinks(deps.db, v);
  if (await slugTaken(deps.db, v.slug, before.id))
    throw invalid({ slug: "Another assessment already has this address." });
  return write(deps, actor, async (tx, audit) => {
    await tx
      .update(gapAssessments)
      .set({ ...columns(v), updatedAt: deps.now() })
      .where(eq(gapAssessments.id, before.id));
    await replaceLinks(tx, before.id, links);
    await audit({
      action: "assessment.update",
      subjectType: "gap_assessment",
      subjectId: before.id,
      summary: `Updated the gap assessment “${v.title}”`,
      details: {
        before: {
          ...columns(formValuesOf(before)),
          agencies: before.agencies.map((a) => a.id),
          technologies: before.technologies.map((t) => t.id),
        },
        after: { ...columns(v), ...links },
      },
    });
    return v.slug;
  });
}

/** An assessment as the input schema's parsed shape, to compare before and after. */
export function formValuesOf(a: NonNullable<Awaited<ReturnType<typeof findAssessment>>>): AssessmentInput {
  return {
    title: a.title,
    slug: a.slug,
    status: a.status,
    scope: a.scope,
    startedOn: a.startedOn,
    endedOn: a.endedOn,
    findings: a.findings,
    recommendations: a.recommendations,
    agencies: a.agencies.map((x) => String(x.id)),
    technologies: a.technologies.map((x) => String(x.id)),
    publication: a.publicationId,
    uncertain: a.uncertain,
    uncertainNote: a.uncertainNote,
  };
}
