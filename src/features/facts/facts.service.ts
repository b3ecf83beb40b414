import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  chairTerms,
  gapAssessments,
  gerObjectives,
  meetings,
  missions,
  newsArticles,
  organisations,
  publications,
  technologies,
  volatilesGaps,
  workingGroups,
} from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { write } from "../../kit/write.js";
import { unpublishArticle } from "../news/news.publishing.service.js";
import { canVerifyFacts } from "./facts.policy.js";
import { type FactKind, factKindLabels, factKinds } from "./facts.queries.js";

/** Marks one record's facts as checked: its certainty mark goes, its sources stay. Returns its name. */
const confirmers: Record<FactKind, (tx: Db, id: number) => Promise<string | undefined>> = {
  member: async (tx, id) =>
    (
      await tx
        .update(organisations)
        .set({ joinedUncertain: false, updatedAt: new Date() })
        .where(eq(organisations.id, id))
        .returning({ name: organisations.acronym })
    )[0]?.name,
  chair: async (tx, id) =>
    (
      await tx
        .update(chairTerms)
        .set({ certainty: "confirmed" })
        .where(eq(chairTerms.id, id))
        .returning({ name: chairTerms.startsOn })
    )[0]?.name,
  mission: async (tx, id) =>
    (
      await tx
        .update(missions)
        .set({ uncertain: false })
        .where(eq(missions.id, id))
        .returning({ name: missions.name })
    )[0]?.name,
  publication: async (tx, id) =>
    (
      await tx
        .update(publications)
        .set({ uncertain: false })
        .where(eq(publications.id, id))
        .returning({ name: publications.title })
    )[0]?.name,
  news: async (tx, id) =>
    (
      await tx
        .update(newsArticles)
        .set({ uncertain: false })
        .where(eq(newsArticles.id, id))
        .returning({ name: newsArticles.title })
    )[0]?.name,
  meeting: async (tx, id) =>
    (
      await tx
        .update(meetings)
        .set({ uncertain: false })
        .where(eq(meetings.id, id))
        .returning({ name: meetings.title })
    )[0]?.name,
  group: async (tx, id) =>
    (
      await tx
        .update(workingGroups)
        .set({ uncertain: false })
        .where(eq(workingGroups.id, id))
        .returning({ name: workingGroups.name })
    )[0]?.name,
  technology: async (tx, id) =>
    (
      await tx
        .update(technologies)
        .set({ uncertain: false })
        .where(eq(technologies.id, id))
        .returning({ name: technologies.code })
    )[0]?.name,
  assessment: async (tx, id) =>
    (
      await tx
        .update(gapAssessments)
        .set({ uncertain: false })
        .where(eq(gapAssessments.id, id))
        .returning({ name: gapAssessments.title })
    )[0]?.name,
  objective: async (tx, id) =>
    (
      await tx
        .update(gerObjectives)
        .set({ uncertain: false })
        .where(eq(gerObjectives.id, id))
        .returning({ name: gerObjectives.code })
    )[0]?.name,
  volatiles_gap: async (tx, id) =>
    (
      await tx
        .update(volatilesGaps)
        .set({ uncertain: false })
        .where(eq(volatilesGaps.id, id))
        .returning({ name: volatilesGaps.code })
    )[0]?.name,
};

export const isFactKind = (value: string): value is FactKind =>
  (factKinds as readonly string[]).includes(value);

/** The secretariat has checked a record against a source it trusts: it leaves the list. Audited. */
export async function confirmFact(
  deps: Pick<Deps, "db" | "cache">,
  actor: Actor,
  kind: FactKind,
  id: number,
) {
  if (!canVerifyFacts(actor)) throw new AppError("forbidden", "Only the secretariat can confirm facts.");
  return write(deps, actor, async (tx, audit) => {
    const name = await confirmers[kind](tx, id);
    if (name === undefined) throw new AppError("not_found", "That record no longer exists.");
    await audit({
      action: "fact.confirmed",
      subjectType: kind,
      subjectId: id,
      summary: `Confirmed the facts of ${name} (${factKindLabels[kind].toLowerCase()})`,
    });
    return name;
  });
}

/** The kinds of record the site can withdraw while their facts are checked. */
export const hideableKinds: ReadonlySet<FactKind> = new Set(["news", "meeting"]);

/**
 * Takes a record whose facts are in doubt off the public site (a news item is unpublished, a
 * meeting becomes members-only); it stays on the list until it is confirmed or corrected. Audited.
 */
export async function hideFact(deps: Deps, actor: Actor, kind: FactKind, id: number): Promise<string> {
  if (!canVerifyFacts(actor)) throw new AppError("forbidden", "Only the secretariat can hide facts.");
  if (!hideableKinds.has(kind))
    throw new AppError("not_found", "This kind of record cannot be hidden; correct it instead.");
  if (kind === "news") return (await unpublishArticle(deps, actor, id)).title;
  return write(deps, actor, async (tx, audit) => {
    const [row] = await tx
      .update(meetings)
      .set({ public: false })
      .where(eq(meetings.id, id))
      .returning({ title: meetings.title });
    if (!row) throw new AppError("not_found", "That record no longer exists.");
    await audit({
      action: "fact.hidden",
      subjectType: kind,
      subjectId: id,
      summary: `Hid ${row.title} from visitors until its facts are checked`,
    });
    return row.title;
  });
}
