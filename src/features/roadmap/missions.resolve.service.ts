/** Checks a mission's input against the database and turns it into the row to save. */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { gerObjectives, missions, organisations } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, invalid } from "../../http/errors.js";
import { canChooseMissionLead } from "./roadmap.policy.js";
import type { Mission } from "./roadmap.queries.js";
import { type MissionInput, missionSlug } from "./roadmap.schemas.js";

type Resolved = {
  columns: Omit<typeof missions.$inferInsert, "id">;
  partnerIds: number[];
  /** Undefined when the input left the objectives out (they stay as they are). */
  objectiveIds?: number[];
};

/** The ids of GER objectives by code; unknown codes are a field error. */
async function objectiveIdsOf(db: Db, codes: string[] | undefined): Promise<number[] | undefined> {
  if (codes === undefined) return undefined;
  if (codes.length === 0) return [];
  const rows = await db
    .select({ id: gerObjectives.id, code: gerObjectives.code })
    .from(gerObjectives)
    .where(inArray(gerObjectives.code, codes));
  const unknown = codes.filter((c) => !rows.some((r) => r.code === c));
  if (unknown.length) throw invalid({ objectives: `There is no roadmap objective ${unknown.join(", ")}.` });
  return rows.map((r) => r.id);
}

async function orgIdsByAcronym(db: Db, acronyms: string[]) {
  if (acronyms.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: organisations.id, acronym: organisations.acronym })
    .from(organisations)
    .where(
      inArray(
        sql`lower(${organisations.acronym})`,
        acronyms.map((a) => a.toLowerCase()),
      ),
    );
  return new Map(rows.map((r) => [r.acronym.toLowerCase(), r.id]));
}

/** Checks the input against the database (agencies exist, slug free) and the actor's say over the lead. */
export async function resolve(
  deps: Pick<Deps, "db">,
  actor: Actor,
  input: MissionInput,
  current?: Mission,
): Promise<Resolved> {
  const ids = await orgIdsByAcronym(deps.db, [...(input.lead ? [input.lead] : []), ...input.partners]);
  let leadOrganisationId: number | null = input.lead ? (ids.get(input.lead.toLowerCase()) ?? null) : null;
  if (input.lead && leadOrganisationId === null) throw invalid({ lead: `There is no member ${input.lead}.` });
  if (!canChooseMissionLead(actor)) {
    const own = current ? current.leadOrganisationId : actor.kind === "person" ? actor.organisationId : null;
    // Choosing another agency as lead is not a typo to correct but a right this actor lacks.
    if (input.lead && leadOrganisationId !== own) {
      throw forbidden("Only the secretariat can set a mission's lead to another agency.");
    }
    leadOrganisationId = own;
  }
  if (leadOrganisationId === null && !input.leadOther) {
    throw invalid({ lead: "Choose the lead agency, or name a non-member lead." });
  }
  const unknown = input.partners.filter((a) => !ids.has(a.toLowerCase()));
  if (unknown.length) throw invalid({ partners: `There is no member ${unknown.join(", ")}.` });
  const partnerIds = [...new Set(input.partners.map((a) => ids.get(a.toLowerCase())!))].filter(
    (id) => id !== leadOrganisationId,
  );
  const slug = input.slug ?? current?.slug ?? missionSlug(input.name);
  if (!slug) throw invalid({ name: "The name needs at least one letter or digit." });
  const [clash] = await deps.db
    .select({ id: missions.id })
    .from(missions)
    .where(and(eq(missions.slug, slug), ne(missions.id, current?.id ?? -1)));
  if (clash) throw invalid({ slug: `Another mission already uses the address ${slug}.` });
  return {
    partnerIds,
    objectiveIds: await objectiveIdsOf(deps.db, input.objectives),
    columns: missionColumns(input, slug, leadOrganisationId),
  };
}

/** The missions row a validated input describes (shared by the form, the API and the import). */
export function missionColumns(input: MissionInput, slug: string, leadOrganisationId: number | null) {
  return {
    slug,
    name: input.name,
    leadOrganisationId,
    leadOther: leadOrganisationId === null ? input.leadOther : null,
    otherPartners: input.otherPartners,
    destination: input.destination,
    crewed: input.crewed,
    launchOn: input.launch?.date ?? null,
    launchPrecision: input.launch?.precision ?? null,
    endsOn: input.end?.date ?? null,
    endPrecision: input.end?.precision ?? null,
    status: input.status,
    instruments: input.instruments,
    studiesPolarVolatiles: input.studiesPolarVolatiles,
    description: input.description,
    sources: input.sources,
    uncertain: input.uncertain,
    uncertaintyNote: input.uncertaintyNote,
  };
}
