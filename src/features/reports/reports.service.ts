import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  annualReports,
  annualReportTextRevisions,
  annualReportTexts,
  publications,
} from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { AppError, forbidden, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { write } from "../../kit/write.js";
import { extractPdfText, storeFile } from "../publications/publications.files.service.js";
import { buildReportDocument, type ReportDocument } from "./document/document.queries.js";
import { reportPdf } from "./document/pdf.export.js";
import { canEditReportPart, canManageReports, canSeeDraftReport } from "./reports.policy.js";
import { type AnnualReport, chairedGroupSlugs, findReport, listReports } from "./reports.queries.js";
import { newReportInput, reportPart, reportSettingsInput, reportTextInput } from "./reports.schemas.js";

const actorName = (actor: Actor) =>
  actor.kind === "person" ? actor.name : actor.kind === "system" ? actor.name : "visitor";

/** Starts the report of a year as a draft, taking last year's curated lists as a starting point. */
export async function startReport(deps: Deps, actor: Actor, raw: unknown): Promise<AnnualReport> {
  if (!canManageReports(actor)) throw forbidden("Only the secretariat starts annual reports.");
  const { year } = parseInput(newReportInput, raw);
  if (await findReport(deps.db, year))
    throw new AppError("conflict", `The ${year} report is already started.`, {
      year: "There is already a report for this year.",
    });
  const earlier = (await listReports(deps.db)).find((r) => r.year < year);
  return write(
    deps,
    actor,
    async (tx, audit) => {
      const [row] = await tx
        .insert(annualReports)
        .values({
          year,
          membersAsOf: `${year}-12-31`,
          settings: {
            majorDocuments: earlier?.settings.majorDocuments ?? [],
            omitPublications: [],
            statisticsPublic: false,
          },
          createdAt: deps.now(),
          updatedAt: deps.now(),
        })
        .returning();
      await audit({
        action: "report.start",
        subjectType: "annual_report",
        subjectId: year,
        summary: `Started the ${year} annual report`,
      });
      return row!;
    },
    { invalidatesPages: false },
  );
}

/** Loads a report to change, or says it is not there. */
export async function requireReport(db: Db, year: number): Promise<AnnualReport> {
  const report = await findReport(db, year);
  if (!report) throw notFound(`The ${year} annual report`);
  return report;
}

/** Sets the members' date and the curated lists of a report. */
export async function updateReportSettings(deps: Deps, actor: Actor, year: number, raw: unknown) {
  if (!canManageReports(actor)) throw forbidden("Only the secretariat sets up annual reports.");
  const report = await requireReport(deps.db, year);
  const input = parseInput(reportSettingsInput, raw);
  return write(deps, actor, async (tx, audit) => {
    const { membersAsOf, ...settings } = input;
    await tx
      .update(annualReports)
      .set({ membersAsOf, settings, updatedAt: deps.now() })
      .where(eq(annualReports.id, report.id));
    await audit({
      action: "report.settings",
      subjectType: "annual_report",
      subjectId: year,
      summary: `Set up the ${year} annual report`,
      details: { before: { membersAsOf: report.membersAsOf, ...report.settings }, after: input },
    });
  });
}

/** Whether this actor may edit this part of a report (a chair: the outlooks of their own groups). */
export async function mayEditPart(deps: Pick<Deps, "db">, actor: Actor, part: string): Promise<boolean> {
  const chaired = actor.kind === "person" ? await chairedGroupSlugs(deps.db, actor.id) : [];
  return canEditReportPart(actor, part, chaired);
}

/** Checks a part's text without saving it (for the preview). */
export async function previewReportText(deps: Pick<Deps, "db">, actor: Actor, part: string, raw: unknown) {
  const name = parseInput(reportPart, part);
  if (!(await mayEditPart(deps, actor, name)))
    throw forbidden("Only the secretariat, or the group's chair for its outlook, edits this part.");
  return parseInput(reportTextInput, raw);
}

/** Saves a narrative part; every saved version is kept as a revision (who, when, text). */
export async function saveReportText(deps: Deps, actor: Actor, year: number, part: string, raw: unknown) {
  const report = await requireReport(deps.db, year);
  const { body } = await previewReportText(deps, actor, part, raw);
  return write(
    deps,
    actor,
    async (tx, audit) => {
      const [row] = await tx
        .insert(annualReportTexts)
        .values({ reportId: report.id, part, body, updatedAt: deps.now() })
        .onConflictDoUpdate({
          target: [annualReportTexts.reportId, annualReportTexts.part],
          set: { body, updatedAt: deps.now() },
        })
        .returning();
      await tx.insert(annualReportTextRevisions).values({
        textId: row!.id,
        body,
        authorId: actor.kind === "person" ? actor.id : null,
        authorName: actorName(actor),
        createdAt: deps.now(),
      });
      await audit({
        action: "report.text",
        subjectType: "annual_report",
        subjectId: year,
        summary: `Saved "${part}" of the ${year} annual report`,
        details: { part, length: body.length },
      });
      return row!;
    },
    { invalidatesPages: report.status === "draft" ? false : undefined },
  );
}

/** The report a person asks for: the frozen edition once published, else the live draft for its writers. */
export async function reportForReader(
  deps: Deps,
  actor: Actor,
  year: number,
  opts: { draft?: boolean; membersAsOf?: string } = {},
): Promise<ReportDocument> {
  const report = await findReport(deps.db, year);
  if (!report) throw notFound(`The ${year} annual report`);
  const writer = canSeeDraftReport(actor);
  const wantsDraft =
    report.status === "draft" || (writer && (opts.draft === true || opts.membersAsOf !== undefined));
  if (!wantsDraft) return report.snapshot as unknown as ReportDocument;
  // Drafts are private: to everyone else they do not exist.
  if (!writer) throw notFound(`The ${year} annual report`);
  return buildReportDocument(deps, report, { membersAsOf: opts.membersAsOf });
}

/** The library record of a published report, with its PDF; created, or updated when it exists. */
export async function fileInLibrary(
  tx: Db,
  deps: Pick<Deps, "now">,
  doc: ReportDocument,
  pdf: Uint8Array,
): Promise<number> {
  const slug = `annual-report-${doc.year}`;
  const sha = await storeFile(tx, pdf);
  const values = {
    title: `${doc.forum.acronym} Annual Report ${doc.year}`,
    category: "annual_report" as const,
    fileName: `${slug}.pdf`,
    fileSize: pdf.byteLength,
    fileType: "application/pdf",
    fileSha256: sha,
    externalUrl: null,
    text: await extractPdfText(pdf),
    updatedAt: deps.now(),
  };
  const [existing] = await tx.select().from(publications).where(eq(publications.slug, slug));
  if (existing) {
    await tx.update(publications).set(values).where(eq(publications.id, existing.id));
    return existing.id;
  }
  const today = deps.now().toISOString().slice(0, 10);
  const [row] = await tx
    .insert(publications)
    .values({
      ...values,
      slug,
      postedOn: today,
      publishedOn: today,
      publishedPrecision: "day",
      description: `The forum's report on ${doc.year}: what it did, who took part, and what comes next.`,
      producedBy: doc.forum.acronym,
    })
    .returning({ id: publications.id });
  return row!.id;
}

/**
 * Publishes a report: freezes the computed data and the texts as the year's edition, and files its
 * PDF in the publications library. Publishing again replaces the edition with the current state.
 */
export async function publishReport(deps: Deps, actor: Actor, year: number): Promise<AnnualReport> {
  if (!canManageReports(actor)) throw forbidden("Only the secretariat publishes annual reports.");
  const report = await requireReport(deps.db, year);
  const publishedAt = deps.now();
  const doc = {
    ...(await buildReportDocument(deps, report)),
    status: "published" as const,
    publishedAt: publishedAt.toISOString(),
  };
  const pdf = await reportPdf(doc, { statistics: doc.statisticsPublic });
  return write(deps, actor, async (tx, audit) => {
    const publicationId = await fileInLibrary(tx, deps, doc, pdf);
    const [row] = await tx
      .update(annualReports)
      .set({ status: "published", snapshot: doc, publishedAt, publicationId, updatedAt: publishedAt })
      .where(and(eq(annualReports.id, report.id)))
      .returning();
    await audit({
      action: "report.publish",
      subjectType: "annual_report",
      subjectId: year,
      summary: `Published the ${year} annual report`,
      details: {
        members: doc.data.members.total,
        publications: doc.data.publications.length,
        meetings: doc.data.meetings.length,
      },
    });
    return row!;
  });
}
