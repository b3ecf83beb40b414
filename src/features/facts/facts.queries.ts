import { asc, eq, ne } from "drizzle-orm";
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

/** The kinds of record that carry a certainty mark, in the order the list shows them. */
export const factKinds = [
  "member",
  "chair",
  "mission",
  "publication",
  "news",
  "meeting",
  "group",
  "technology",
  "assessment",
  "objective",
  "volatiles_gap",
] as const;
export type FactKind = (typeof factKinds)[number];

export const factKindLabels: Record<FactKind, string> = {
  member: "Members' join dates",
  chair: "Chair terms",
  mission: "Missions",
  publication: "Publications",
  news: "News",
  meeting: "Meetings",
  group: "Working groups",
  technology: "Technologies",
  assessment: "Gap assessments",
  objective: "Roadmap objectives",
  volatiles_gap: "Lunar volatiles gaps",
};

/** One record the sources do not settle: what it is, what is in doubt, and where it came from. */
export type Fact = {
  kind: FactKind;
  id: number;
  title: string;
  /** Its public page, where it has one. */
  href: string | null;
  /** Where the secretariat corrects it. */
  editHref: string | null;
  note: string | null;
  sources: string[];
  /** Whether visitors see the record now. */
  public: boolean;
};

/** Every record marked uncertain (or a chair term not confirmed), grouped by kind, by title. */
export async function listFactsToVerify(db: Db): Promise<Fact[]> {
  const [orgs, chairs, ms, pubs, news, meets, groups, techs, assessments, objectives, gaps] =
    await Promise.all([
      db
        .select()
        .from(organisations)
        .where(eq(organisations.joinedUncertain, true))
        .orderBy(asc(organisations.acronym)),
      db
        .select({ term: chairTerms, acronym: organisations.acronym })
        .from(chairTerms)
        .innerJoin(organisations, eq(organisations.id, chairTerms.organisationId))
        .where(ne(chairTerms.certainty, "confirmed"))
        .orderBy(asc(chairTerms.startsOn)),
      db.select().from(missions).where(eq(missions.uncertain, true)).orderBy(asc(missions.name)),
      db.select().from(publications).where(eq(publications.uncertain, true)).orderBy(asc(publications.title)),
      db.select().from(newsArticles).where(eq(newsArticles.uncertain, true)).orderBy(asc(newsArticles.title)),
      db.select().from(meetings).where(eq(meetings.uncertain, true)).orderBy(asc(meetings.startsAt)),
      db
        .select()
        .from(workingGroups)
        .where(eq(workingGroups.uncertain, true))
        .orderBy(asc(workingGroups.name)),
      db.select().from(technologies).where(eq(technologies.uncertain, true)).orderBy(asc(technologies.code)),
      db
        .select()
        .from(gapAssessments)
        .where(eq(gapAssessments.uncertain, true))
        .orderBy(asc(gapAssessments.title)),
      db
        .select()
        .from(gerObjectives)
        .where(eq(gerObjectives.uncertain, true))
        .orderBy(asc(gerObjectives.code)),
      db
        .select()
        .from(volatilesGaps)
        .where(eq(volatilesGaps.uncertain, true))
        .orderBy(asc(volatilesGaps.code)),
    ]);
  return [
    ...orgs.map((o) => ({
      kind: "member" as const,
      id: o.id,
      title: `${o.acronym}: member since ${o.joinedOn.slice(0, 4)}`,
      href: `/members/${o.slug}`,
      editHref: `/private/members/${o.slug}/edit`,
      note: [o.joinNote, o.notes].filter(Boolean).join(" ") || null,
      sources: o.sources,
      public: true,
    })),
    ...chairs.map(({ term, acronym }) => ({
      kind: "chair" as const,
      id: term.id,
      title: `${acronym} from ${term.startsOn.slice(0, 7)} (${term.certainty})`,
      href: "/about",
      editHref: `/private/chairs/${term.id}/edit`,
      note: term.note,
      sources: term.sources,
      public: true,
    })),
    ...ms.map((m) => ({
      kind: "mission" as const,
      id: m.id,
      title: m.name,
      href: `/roadmap/missions/${m.slug}`,
      editHref: `/private/missions/${m.slug}/edit`,
      note: m.uncertaintyNote,
      sources: m.sources,
      public: true,
    })),
    ...pubs.map((p) => ({
      kind: "publication" as const,
      id: p.id,
      title: p.title,
      href: `/publications/${p.slug}`,
      editHref: `/private/publications/${p.slug}/edit`,
      note: p.certaintyNote,
      sources: p.sources,
      public: true,
    })),
    ...news.map((n) => ({
      kind: "news" as const,
      id: n.id,
      title: n.title,
      href: `/news/${n.slug}`,
      editHref: `/private/news/${n.id}/edit`,
      note: null,
      sources: n.sources,
      public: n.status === "published" || n.status === "scheduled",
    })),
    ...meets.map((m) => ({
      kind: "meeting" as const,
      id: m.id,
      title: m.title,
      href: `/meetings/${m.slug}`,
      editHref: `/private/meetings/${m.slug}/edit`,
      note: m.uncertainNote,
      sources: m.sources,
      public: m.public,
    })),
    ...groups.map((g) => ({
      kind: "group" as const,
      id: g.id,
      title: g.name,
      href: `/groups/${g.slug}`,
      editHref: `/private/groups/${g.slug}`,
      note: g.uncertainNote,
      sources: g.sources,
      public: true,
    })),
    ...techs.map((t) => ({
      kind: "technology" as const,
      id: t.id,
      title: `${t.code} ${t.title}`,
      href: "/technology",
      editHref: `/private/technology/${t.code}/edit`,
      note: t.uncertainNote,
      sources: t.sources,
      public: true,
    })),
    ...assessments.map((a) => ({
      kind: "assessment" as const,
      id: a.id,
      title: a.title,
      href: `/technology/assessments/${a.slug}`,
      editHref: `/private/technology/assessments/${a.slug}/edit`,
      note: a.uncertainNote,
      sources: a.sources,
      public: true,
    })),
    ...objectives.map((o) => ({
      kind: "objective" as const,
      id: o.id,
      title: `${o.code} ${o.title}`,
      href: "/roadmap/framework",
      editHref: null,
      note: o.uncertaintyNote,
      sources: o.sources,
      public: true,
    })),
    ...gaps.map((g) => ({
      kind: "volatiles_gap" as const,
      id: g.id,
      title: `${g.code} ${g.title}`,
      href: "/lunar-volatiles",
      editHref: null,
      note: null,
      sources: g.sources,
      public: true,
    })),
  ];
}
