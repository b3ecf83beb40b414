import { and, desc, eq, lte } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import {
  meetingDecisions,
  meetings,
  newsArticles,
  productVersions,
  publications,
} from "../../../db/schema/index.js";

/** A meeting decision with what endorsement needs to know about its meeting. */
export type DecisionChoice = {
  id: number;
  number: number;
  text: string;
  meetingKind: string;
  meetingTitle: string;
  meetingSlug: string;
  meetingStartsAt: Date;
};

const decisionColumns = {
  id: meetingDecisions.id,
  number: meetingDecisions.number,
  text: meetingDecisions.text,
  meetingKind: meetings.kind,
  meetingTitle: meetings.title,
  meetingSlug: meetings.slug,
  meetingStartsAt: meetings.startsAt,
};

/** One decision with its meeting, or undefined. */
export async function findDecisionWithMeeting(db: Db, id: number): Promise<DecisionChoice | undefined> {
  const [row] = await db
    .select(decisionColumns)
    .from(meetingDecisions)
    .innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId))
    .where(eq(meetingDecisions.id, id));
  return row;
}

/** The decisions of SAM meetings already held, the newest first: the ones that may endorse a product. */
export function listSamDecisions(db: Db, now: Date, limit = 200): Promise<DecisionChoice[]> {
  return db
    .select(decisionColumns)
    .from(meetingDecisions)
    .innerJoin(meetings, eq(meetings.id, meetingDecisions.meetingId))
    .where(and(eq(meetings.kind, "sam_meeting"), lte(meetings.startsAt, now)))
    .orderBy(desc(meetings.startsAt), meetingDecisions.number)
    .limit(limit);
}

/** The publication and news item a product was published as, and the decision that endorsed it. */
export async function publishedAs(
  db: Db,
  p: {
    publicationId: number | null;
    newsArticleId: number | null;
    endorsedByDecisionId: number | null;
    endorsedVersionId: number | null;
  },
) {
  const [version] = p.endorsedVersionId
    ? await db
        .select({ number: productVersions.number })
        .from(productVersions)
        .where(eq(productVersions.id, p.endorsedVersionId))
    : [];
  const [publication] = p.publicationId
    ? await db
        .select({ slug: publications.slug, title: publications.title })
        .from(publications)
        .where(eq(publications.id, p.publicationId))
    : [];
  const [news] = p.newsArticleId
    ? await db
        .select({
          id: newsArticles.id,
          slug: newsArticles.slug,
          title: newsArticles.title,
          status: newsArticles.status,
        })
        .from(newsArticles)
        .where(eq(newsArticles.id, p.newsArticleId))
    : [];
  const decision = p.endorsedByDecisionId
    ? await findDecisionWithMeeting(db, p.endorsedByDecisionId)
    : undefined;
  return {
    publication: publication ?? null,
    news: news ?? null,
    decision: decision ?? null,
    versionNumber: version?.number ?? null,
  };
}
