import { eq, sql } from "drizzle-orm";
import { organisations } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { slugify } from "../../kit/slugs.js";
import { write } from "../../kit/write.js";
import { canEditAgencyProfile, canManageDirectory } from "./directory.policy.js";
import { findOrganisationBySlug, type Organisation } from "./directory.queries.js";
import { agencyProfileInput, type OrganisationInput, organisationInput } from "./directory.schemas.js";

function toColumns(input: OrganisationInput) {
  const { joined, ...rest } = input;
  return { ...rest, slug: slugify(input.acronym), joinedOn: joined.date, joinedPrecision: joined.precision };
}

async function assertUnique(deps: Deps, input: OrganisationInput, exceptId?: number) {
  const slug = slugify(input.acronym);
  const clash = await deps.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`(lower(${organisations.acronym}) = ${input.acronym.toLowerCase()} or ${organisations.slug} = ${slug})
      and ${organisations.id} <> ${exceptId ?? -1}`);
  if (clash.length > 0)
    throw invalid({ acronym: `An organisation with the acronym ${input.acronym} already exists.` });
  if (input.leftOn && input.leftOn < input.joined.date)
    throw invalid({ leftOn: "Leaving must come after joining." });
}

/** Adds a member organisation (secretariat only). */
export async function createOrganisation(deps: Deps, actor: Actor, raw: unknown): Promise<Organisation> {
  if (!canManageDirectory(actor)) throw forbidden("Only the secretariat can add member organisations.");
  const input = parseInput(organisationInput, raw);
  await assertUnique(deps, input);
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx.insert(organisations).values(toColumns(input)).returning();
    await audit({
      action: "organisation.create",
      subjectType: "organisation",
      subjectId: row!.id,
      summary: `Added ${row!.acronym} (${row!.name})`,
    });
    return row!;
  });
}

/** Changes any field of a member organisation (secretariat only). */
export async function updateOrganisation(
  deps: Deps,
  actor: Actor,
  slug: string,
  raw: unknown,
): Promise<Organisation> {
  const current = await findOrganisationBySlug(deps.db, slug);
  if (!current) throw notFound("The organisation");
  if (!canManageDirectory(actor)) throw forbidden("Only the secretariat can change member organisations.");
  const input = parseInput(organisationInput, raw);
  await assertUnique(deps, input, current.id);
  return saveOrganisation(deps, actor, current, toColumns(input));
}

/** Changes an agency's public profile: its own focal points or the secretariat. */
export async function updateAgencyProfile(
  deps: Deps,
  actor: Actor,
  slug: string,
  raw: unknown,
): Promise<Organisation> {
  const current = await findOrganisationBySlug(deps.db, slug);
  if (!current) throw notFound("The organisation");
  if (!canEditAgencyProfile(actor, current.id)) {
    throw forbidden("Only this agency's focal points and the secretariat can change its profile.");
  }
  return saveOrganisation(deps, actor, current, parseInput(agencyProfileInput, raw));
}

async function saveOrganisation(
  deps: Deps,
  actor: Actor,
  current: Organisation,
  changes: Partial<Organisation>,
): Promise<Organisation> {
  const changed = Object.keys(changes).filter(
    (k) =>
      JSON.stringify(changes[k as keyof Organisation]) !== JSON.stringify(current[k as keyof Organisation]),
  );
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .update(organisations)
      .set({ ...changes, updatedAt: deps.now() })
      .where(eq(organisations.id, current.id))
      .returning();
    await audit({
      action: "organisation.update",
      subjectType: "organisation",
      subjectId: current.id,
      summary: `Updated ${row!.acronym}${changed.length ? `: ${changed.join(", ")}` : " (no changes)"}`,
      details: { before: pick(current, changed), after: pick(row!, changed) },
    });
    return row!;
  });
}

const pick = (o: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
