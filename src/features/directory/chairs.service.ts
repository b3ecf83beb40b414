import { eq } from "drizzle-orm";
import { chairTerms } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { canManageDirectory } from "./directory.policy.js";
import { findOrganisationByAcronym } from "./directory.queries.js";
import { chairTermInput } from "./directory.schemas.js";

type ChairTerm = typeof chairTerms.$inferSelect;

async function toColumns(deps: Deps, raw: unknown) {
  const input = parseInput(chairTermInput, raw);
  const org = await findOrganisationByAcronym(deps.db, input.organisation);
  if (!org) throw invalid({ organisation: `There is no member organisation ${input.organisation}.` });
  return {
    organisationId: org.id,
    startsOn: input.from.date,
    startPrecision: input.from.precision,
    endsOn: input.to?.date ?? null,
    endPrecision: input.to?.precision ?? null,
    person: input.person,
    certainty: input.certainty,
    note: input.note,
    acronym: org.acronym,
  };
}

async function loadTerm(deps: Deps, actor: Actor, id: number): Promise<ChairTerm> {
  const [term] = await deps.db.select().from(chairTerms).where(eq(chairTerms.id, id));
  if (!term) throw notFound("The chair term");
  if (!canManageDirectory(actor)) throw forbidden("Only the secretariat can change chair terms.");
  return term;
}

/** Records which agency chaired the forum when (secretariat only). */
export async function createChairTerm(deps: Deps, actor: Actor, raw: unknown): Promise<ChairTerm> {
  if (!canManageDirectory(actor)) throw forbidden("Only the secretariat can record chair terms.");
  const { acronym, ...columns } = await toColumns(deps, raw);
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx.insert(chairTerms).values(columns).returning();
    await audit({
      action: "chair_term.create",
      subjectType: "chair_term",
      subjectId: row!.id,
      summary: `Added chair term of ${acronym} from ${columns.startsOn}`,
    });
    return row!;
  });
}

/** Corrects a chair term (secretariat only). */
export async function updateChairTerm(
  deps: Deps,
  actor: Actor,
  id: number,
  raw: unknown,
): Promise<ChairTerm> {
  const before = await loadTerm(deps, actor, id);
  const { acronym, ...columns } = await toColumns(deps, raw);
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx.update(chairTerms).set(columns).where(eq(chairTerms.id, id)).returning();
    await audit({
      action: "chair_term.update",
      subjectType: "chair_term",
      subjectId: id,
      summary: `Updated chair term of ${acronym}`,
      details: { before, after: row },
    });
    return row!;
  });
}

/** Deletes a chair term recorded in error (secretariat only); the audit log keeps a copy. */
export async function deleteChairTerm(deps: Deps, actor: Actor, id: number): Promise<void> {
  const before = await loadTerm(deps, actor, id);
  await write(deps, actor, async (tx, audit) => {
    await tx.delete(chairTerms).where(eq(chairTerms.id, id));
    await audit({
      action: "chair_term.delete",
      subjectType: "chair_term",
      subjectId: id,
      summary: `Deleted chair term starting ${before.startsOn}`,
      details: { before },
    });
  });
}
