import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { gerEditionMissions, gerEditions } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { diffEditions, type EditionDiff } from "../../domain/edition-diff.js";
import type { Actor } from "../../http/actor.js";
import { AppError, forbidden, invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { listMissions, type Mission } from "../roadmap/roadmap.queries.js";
import { missionSlug } from "../roadmap/roadmap.schemas.js";
import { canManageEditions, canReadEdition, isEditionChangeable } from "./ger.policy.js";
import { type Edition, editionMissions, findEdition } from "./ger.queries.js";
import { editionInput, type SnapshotMission } from "./ger.schemas.js";

const managersOnly = "Only the secretariat freezes, publishes and deletes editions.";
const immutable = (e: Edition) =>
  new AppError(
    "conflict",
    `${e.name} is published: published editions are a record of what was agreed and cannot be changed or deleted.`,
  );

/** A mission's fields as an edition keeps them. */
export function snapshotOf(m: Mission): SnapshotMission {
  return {
    slug: m.slug,
    name: m.name,
    lead: m.leadAcronym ?? m.leadOther,
    partners: m.partners.map((p) => p.acronym),
    destination: m.destination,
    crewed: m.crewed,
    launchOn: m.launchOn,
    launchPrecision: m.launchPrecision,
    endsOn: m.endsOn,
    endPrecision: m.endPrecision,
    status: m.status,
    objectives: m.objectives,
    studiesPolarVolatiles: m.studiesPolarVolatiles,
    uncertain: m.uncertain,
  };
}

/** The current plans, in the shape editions keep. */
export async function currentPlans(db: Db): Promise<SnapshotMission[]> {
  return (await listMissions(db)).map(snapshotOf);
}

/** Freezes the current plans as a draft edition: the secretariat only. */
export async function freezeEdition(deps: Deps, actor: Actor, raw: unknown): Promise<Edition> {
  if (!canManageEditions(actor)) throw forbidden(managersOnly);
  const input = parseInput(editionInput, raw);
  const slug = input.slug ?? missionSlug(input.name);
  if (!slug) throw invalid({ name: "The name needs at least one letter or digit." });
  if (await findEdition(deps.db, slug))
    throw invalid({ slug: `Another edition already uses the address ${slug}.` });
  const plans = await currentPlans(deps.db);
  return write(deps, actor, async (tx, audit) => {
    const [edition] = await tx
      .insert(gerEditions)
      .values({
        slug,
        name: input.name,
        year: input.year,
        kind: input.kind,
        note: input.note,
        frozenAt: deps.now(),
      })
      .returning();
    for (let k = 0; k < plans.length; k += 500) {
      await tx
        .insert(gerEditionMissions)
        .values(
          plans.slice(k, k + 500).map((m) => ({ editionId: edition!.id, missionSlug: m.slug, data: m })),
        );
    }
    await audit({
      action: "edition.freeze",
      subjectType: "edition",
      subjectId: edition!.id,
      summary: `Froze ${plans.length} missions as draft edition ${edition!.name}`,
    });
    return edition!;
  });
}

/** Loads an edition the actor may change: the secretariat's, and only while it is a draft. */
async function changeableEdition(deps: Deps, actor: Actor, slug: string): Promise<Edition> {
  if (!canManageEditions(actor)) throw forbidden(managersOnly);
  const edition = await findEdition(deps.db, slug);
  if (!edition) throw notFound("The edition");
  if (!isEditionChangeable(edition)) throw immutable(edition);
  return edition;
}

/** Publishes a draft edition; from then on it cannot change. */
export async function publishEdition(deps: Deps, actor: Actor, slug: string): Promise<Edition> {
  const edition = await changeableEdition(deps, actor, slug);
  return write(deps, actor, async (tx, audit) => {
    // The status condition makes a concurrent second publish a no-op rather than a double change.
    const [row] = await tx
      .update(gerEditions)
      .set({ status: "published", publishedAt: deps.now() })
      .where(and(eq(gerEditions.id, edition.id), eq(gerEditions.status, "draft")))
      .returning();
    if (!row) throw immutable(edition);
    await audit({
      action: "edition.publish",
      subjectType: "edition",
      subjectId: edition.id,
      summary: `Published edition ${edition.name}`,
    });
    return row;
  });
}

/** Deletes a draft edition and its snapshot. */
export async function deleteEdition(deps: Deps, actor: Actor, slug: string): Promise<void> {
  const edition = await changeableEdition(deps, actor, slug);
  await write(deps, actor, async (tx, audit) => {
    const rows = await tx
      .delete(gerEditions)
      .where(and(eq(gerEditions.id, edition.id), eq(gerEditions.status, "draft")))
      .returning({ id: gerEditions.id });
    if (!rows.length) throw immutable(edition);
    await audit({
      action: "edition.delete",
      subjectType: "edition",
      subjectId: edition.id,
      summary: `Deleted draft edition ${edition.name}`,
    });
  });
}

/** One side of a comparison: an edition with its snapshot, or the current plans. */
export type Side =
  | { kind: "current"; label: string; missions: SnapshotMission[] }
  | { kind: "edition"; label: string; edition: Edition; missions: SnapshotMission[] | null };

/** Loads "current" or an edition the actor may read; `missions` is null when no snapshot was recorded. */
export async function loadSide(db: Db, actor: Actor, key: string): Promise<Side> {
  if (key === "current") return { kind: "current", label: "Current plans", missions: await currentPlans(db) };
  const edition = await findEdition(db, key);
  if (!edition || !canReadEdition(actor, edition)) throw notFound("The edition");
  return {
    kind: "edition",
    label: edition.name,
    edition,
    missions: edition.frozenAt ? await editionMissions(db, edition.id) : null,
  };
}

/** The comparison of two sides, or the sides without a snapshot that prevent it. */
export function compareSides(from: Side, to: Side): { diff: EditionDiff | null; missing: Side[] } {
  const missing = [from, to].filter((s) => s.missions === null);
  return { diff: missing.length ? null : diffEditions(from.missions!, to.missions!), missing };
}
