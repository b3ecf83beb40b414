import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  missionObjectives,
  missionPartners,
  missionProposals,
  missionRevisions,
  missions,
} from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { AppError, forbidden, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { resolve } from "./missions.resolve.service.js";
import { updateMission } from "./missions.revisions.service.js";
import { revisionAuthor } from "./revision-author.service.js";
import { canAddMission, canDecideProposal, canProposeMissionChange } from "./roadmap.policy.js";
import { missionValues } from "./roadmap.presenter.js";
import { findMissionBySlug, findProposal, type Mission } from "./roadmap.queries.js";
import { missionInput, proposalNote } from "./roadmap.schemas.js";

export { missionColumns } from "./missions.resolve.service.js";
export { updateMission } from "./missions.revisions.service.js";

/** Replaces the mission's GER objectives (left as they are when the input leaves them out). */
export async function saveObjectives(tx: Db, missionId: number, objectiveIds: number[] | undefined) {
  if (objectiveIds === undefined) return;
  await tx.delete(missionObjectives).where(eq(missionObjectives.missionId, missionId));
  if (objectiveIds.length) {
    await tx
      .insert(missionObjectives)
      .values(objectiveIds.map((objectiveId) => ({ missionId, objectiveId })));
  }
}

/** Replaces the mission's member partner agencies. */
export async function savePartners(tx: Db, missionId: number, partnerIds: number[]) {
  await tx.delete(missionPartners).where(eq(missionPartners.missionId, missionId));
  if (partnerIds.length) {
    await tx
      .insert(missionPartners)
      .values(partnerIds.map((organisationId) => ({ missionId, organisationId })));
  }
}

/** Adds a mission: focal points for their own agency, the secretariat for any. */
export async function createMission(deps: Deps, actor: Actor, raw: unknown): Promise<Mission> {
  if (!canAddMission(actor)) throw forbidden("Only focal points and the secretariat can add missions.");
  const input = parseInput(missionInput, raw);
  const { columns, partnerIds, objectiveIds } = await resolve(deps, actor, input);
  const id = await write(deps, actor, async (tx, audit) => {
    const [row] = await tx.insert(missions).values(columns).returning();
    await savePartners(tx, row!.id, partnerIds);
    await saveObjectives(tx, row!.id, objectiveIds);
    const after = missionValues((await findMissionBySlug(tx, row!.slug))!);
    await tx
      .insert(missionRevisions)
      .values({ missionId: row!.id, ...revisionAuthor(actor), summary: "Added", before: null, after });
    await audit({
      action: "mission.create",
      subjectType: "mission",
      subjectId: row!.id,
      summary: `Added mission ${row!.name}`,
    });
    return row!.id;
  });
  return (await findMissionById(deps.db, id))!;
}

/** One mission by id, with its lead, partners and objectives. */
export async function findMissionById(db: Db, id: number) {
  const [row] = await db.select({ slug: missions.slug }).from(missions).where(eq(missions.id, id));
  return row ? findMissionBySlug(db, row.slug) : undefined;
}

/** A partner agency's focal point proposes new values; checked now, applied only if the lead accepts. */
export async function proposeMissionChange(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  const current = await findMissionBySlug(deps.db, slug);
  if (!current) throw notFound("The mission");
  if (!canProposeMissionChange(actor, current)) {
    throw forbidden("Only focal points of this mission's partner agencies can propose changes.");
  }
  const body = (raw ?? {}) as Record<string, unknown>;
  const { note } = parseInput(proposalNote, { note: body.note });
  // The lead stays as it is: a proposal cannot hand the mission to someone else.
  const { note: _note, ...values } = body;
  const proposed = { ...values, lead: current.leadAcronym, leadOther: current.leadOther, slug: current.slug };
  await resolve(deps, { kind: "system", name: "check" }, parseInput(missionInput, proposed), current);
  return write(
    deps,
    actor,
    async (tx, audit) => {
      const [row] = await tx
        .insert(missionProposals)
        .values({
          missionId: current.id,
          proposedById: actor.kind === "person" ? actor.id : null,
          proposedByName: revisionAuthor(actor).actorName,
          agencyAcronym: revisionAuthor(actor).agencyAcronym,
          proposed,
          note,
          createdAt: deps.now(),
        })
        .returning();
      await audit({
        action: "mission.propose",
        subjectType: "mission",
        subjectId: current.id,
        summary: `Proposed a change to ${current.name}`,
      });
      return row!;
    },
    { invalidatesPages: false },
  );
}

async function openProposal(deps: Deps, actor: Actor, id: number) {
  const proposal = await findProposal(deps.db, id);
  if (!proposal) throw notFound("The proposal");
  const mission = await findMissionById(deps.db, proposal.missionId);
  if (!mission) throw notFound("The mission");
  if (!canDecideProposal(actor, mission)) {
    throw forbidden("Only the lead agency's focal points and the secretariat can decide on proposals.");
  }
  if (proposal.status !== "open")
    throw new AppError("conflict", `This proposal was already ${proposal.status}.`);
  return { proposal, mission };
}

/** The lead accepts a proposal: it is applied through the same use case as an edit. */
export async function acceptProposal(deps: Deps, actor: Actor, id: number): Promise<Mission> {
  const { proposal, mission } = await openProposal(deps, actor, id);
  const via = `proposal by ${proposal.proposedByName}${proposal.agencyAcronym ? ` (${proposal.agencyAcronym})` : ""}`;
  const updated = await updateMission(
    deps,
    actor,
    mission.slug,
    { ...proposal.proposed, slug: mission.slug },
    { via },
  );
  await decide(deps, actor, proposal.id, "accepted", mission.id);
  return updated;
}

/** The lead declines a proposal; nothing about the mission changes. */
export async function declineProposal(deps: Deps, actor: Actor, id: number): Promise<void> {
  const { proposal, mission } = await openProposal(deps, actor, id);
  await decide(deps, actor, proposal.id, "declined", mission.id);
}

function decide(deps: Deps, actor: Actor, id: number, status: "accepted" | "declined", missionId: number) {
  return write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .update(missionProposals)
        .set({
          status,
          decidedById: revisionAuthor(actor).actorId,
          decidedByName: revisionAuthor(actor).actorName,
          decidedAt: deps.now(),
        })
        .where(eq(missionProposals.id, id));
      await audit({
        action: `mission.proposal.${status}`,
        subjectType: "mission",
        subjectId: missionId,
        summary: `Proposal ${id} ${status}`,
      });
    },
    { invalidatesPages: false },
  );
}
