import { inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { missionPartners, missionRevisions, missions, organisations } from "../../db/schema/index.js";
import type { MissionInput } from "./roadmap.schemas.js";
import { missionSlug } from "./roadmap.schemas.js";

/**
 * Inserts the dataset's missions that are not there yet (by slug); existing missions keep the
 * agencies' later edits. Every agency named must be a member; returns how many were added.
 */
export async function seedMissions(tx: Db, list: MissionInput[]): Promise<number> {
  if (list.length === 0) return 0;
  const orgs = new Map(
    (await tx.select({ id: organisations.id, acronym: organisations.acronym }).from(organisations)).map(
      (o) => [o.acronym.toLowerCase(), o.id],
    ),
  );
  const idOf = (acronym: string, slug: string) => {
    const id = orgs.get(acronym.toLowerCase());
    if (!id) throw new Error(`Mission ${slug} names unknown agency ${acronym}.`);
    return id;
  };
  const slugs = list.map((m) => m.slug ?? missionSlug(m.name));
  const present = new Set(
    (await tx.select({ slug: missions.slug }).from(missions).where(inArray(missions.slug, slugs))).map(
      (r) => r.slug,
    ),
  );
  let added = 0;
  for (const [k, m] of list.entries()) {
    const slug = slugs[k]!;
    if (present.has(slug)) continue;
    const leadOrganisationId = m.lead ? idOf(m.lead, slug) : null;
    const [row] = await tx
      .insert(missions)
      .values({
        slug,
        name: m.name,
        leadOrganisationId,
        leadOther: leadOrganisationId ? null : m.leadOther,
        otherPartners: m.otherPartners,
        destination: m.destination,
        crewed: m.crewed,
        launchOn: m.launch?.date ?? null,
        launchPrecision: m.launch?.precision ?? null,
        endsOn: m.end?.date ?? null,
        endPrecision: m.end?.precision ?? null,
        status: m.status,
        instruments: m.instruments,
        studiesPolarVolatiles: m.studiesPolarVolatiles,
        description: m.description,
        sources: m.sources,
        uncertain: m.uncertain,
        uncertaintyNote: m.uncertaintyNote,
      })
      .onConflictDoNothing()
      .returning({ id: missions.id });
    if (!row) continue;
    const partners = [...new Set(m.partners.map((a) => idOf(a, slug)))].filter(
      (id) => id !== leadOrganisationId,
    );
    if (partners.length) {
      await tx
        .insert(missionPartners)
        .values(partners.map((organisationId) => ({ missionId: row.id, organisationId })));
    }
    await tx.insert(missionRevisions).values({
      missionId: row.id,
      actorName: "seed",
      summary: "Loaded from the shipped dataset",
      after: sql`${JSON.stringify({ slug, name: m.name })}::jsonb`,
    });
    added++;
  }
  return added;
}
