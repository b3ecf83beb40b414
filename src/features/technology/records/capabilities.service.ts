import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { organisations, technologies, technologyCapabilities } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import type { Actor } from "../../../http/actor.js";
import { type FieldErrors, forbidden, invalid, notFound } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { write } from "../../../kit/write.js";
import { canEditCapability } from "../technology.policy.js";
import { type CapabilityInput, capabilityInput } from "../technology.schemas.js";
import { type Capability, findCapability } from "./records.queries.js";

/** The ids an input's names resolve to, or the fields that name nothing. */
export type Resolved<T> = { ok: true; ids: T } | { ok: false; errors: FieldErrors };

const notYours = "Only the agency's own focal points and the secretariat can change its capabilities.";

/** The ids an input names: the agency by acronym and the technology by code, or field errors. */
export async function resolveCapability(
  db: Db,
  v: CapabilityInput,
): Promise<Resolved<{ organisationId: number; technologyId: number }>> {
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`lower(${organisations.acronym}) = ${v.agency.toLowerCase()}`);
  const [tech] = await db
    .select({ id: technologies.id })
    .from(technologies)
    .where(eq(technologies.code, v.technology));
  const errors: FieldErrors = {};
  if (!org) errors.agency = `There is no member agency ${v.agency}.`;
  if (!tech) errors.technology = `There is no technology ${v.technology} in the list.`;
  return org && tech
    ? { ok: true, ids: { organisationId: org.id, technologyId: tech.id } }
    : { ok: false, errors };
}

const columnsOf = (v: CapabilityInput) => ({
  currentTrl: v.currentTrl,
  targetTrl: v.targetTrl,
  targetDate: v.targetDate,
  note: v.note,
  evidenceUrl: v.evidenceUrl,
});

async function existingFor(tx: Db, ids: { organisationId: number; technologyId: number }) {
  const [row] = await tx
    .select({ id: technologyCapabilities.id })
    .from(technologyCapabilities)
    .where(
      and(
        eq(technologyCapabilities.organisationId, ids.organisationId),
        eq(technologyCapabilities.technologyId, ids.technologyId),
        eq(technologyCapabilities.demo, false),
      ),
    );
  return row;
}

/** Records an agency's capability for a technology (real dataset); one per agency and technology. */
export async function createCapability(deps: Deps, actor: Actor, input: unknown): Promise<Capability> {
  const v = parseInput(capabilityInput, input);
  const resolved = await resolveCapability(deps.db, v);
  if (!resolved.ok) throw invalid(resolved.errors);
  const ids = resolved.ids;
  if (!canEditCapability(actor, ids)) throw forbidden(notYours);
  const id = await write(deps, actor, async (tx, audit) => {
    if (await existingFor(tx, ids))
      throw invalid({
        technology: `${v.agency} already has a capability for ${v.technology}: change that one.`,
      });
    const [row] = await tx
      .insert(technologyCapabilities)
      .values({ ...ids, ...columnsOf(v), updatedBy: actor.kind === "person" ? actor.id : null })
      .returning({ id: technologyCapabilities.id });
    await audit({
      action: "technology.capability.add",
      subjectType: "technology_capability",
      subjectId: row!.id,
      summary: `Recorded ${v.agency}'s capability for ${v.technology}: TRL ${v.currentTrl} → ${v.targetTrl} by ${v.targetDate}`,
      details: { after: v },
    });
    return row!.id;
  });
  return (await findCapability(deps.db, id))!;
}

/** Changes a real capability's figures; the agency and technology stay (delete and add to move it). */
export async function updateCapability(
  deps: Deps,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<Capability> {
  const before = await findCapability(deps.db, id);
  if (!before) throw notFound("The capability");
  if (!canEditCapability(actor, before)) throw forbidden(notYours);
  const v = parseInput(capabilityInput, {
    ...(input as object),
    agency: before.acronym,
    technology: before.technologyCode,
  });
  await write(deps, actor, async (tx, audit) => {
    await tx
      .update(technologyCapabilities)
      .set({ ...columnsOf(v), updatedBy: actor.kind === "person" ? actor.id : null, updatedAt: deps.now() })
      .where(eq(technologyCapabilities.id, id));
    await audit({
      action: "technology.capability.update",
      subjectType: "technology_capability",
      subjectId: id,
      summary: `Changed ${before.acronym}'s capability for ${before.technologyCode}: TRL ${v.currentTrl} → ${v.targetTrl} by ${v.targetDate}`,
      details: { before: capabilityValues(before), after: v },
    });
  });
  return (await findCapability(deps.db, id))!;
}

/** Deletes a real capability (after the confirmation page). */
export async function deleteCapability(deps: Deps, actor: Actor, id: number): Promise<void> {
  const before = await findCapability(deps.db, id);
  if (!before) throw notFound("The capability");
  if (!canEditCapability(actor, before)) throw forbidden(notYours);
  await write(deps, actor, async (tx, audit) => {
    await tx.delete(technologyCapabilities).where(eq(technologyCapabilities.id, id));
    await audit({
      action: "technology.capability.delete",
      subjectType: "technology_capability",
      subjectId: id,
      summary: `Deleted ${before.acronym}'s capability for ${before.technologyCode}`,
      details: { before: capabilityValues(before) },
    });
  });
}

/** A capability as people, exports and the API write it: the inverse of the input schema. */
export function capabilityValues(c: Capability) {
  return {
    id: c.id,
    agency: c.acronym,
    technology: c.technologyCode,
    currentTrl: c.currentTrl,
    targetTrl: c.targetTrl,
    targetDate: c.targetDate,
    note: c.note,
    evidenceUrl: c.evidenceUrl,
  };
}
