import type { Db } from "../../db/client.js";
import { gerObjectives, organisations } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { type ImportError, sortImportErrors } from "../../domain/import-report.js";
import { AppError, forbidden } from "../../http/errors.js";
import { write } from "../audit/write.js";
import type { Actor } from "../auth/actor.js";
import { type ImportContext, type ImportPlan, planImport } from "./mission-import.plan.js";
import { detectFormat, type ImportFormat, readMissionFile } from "./mission-import.read.js";
import { createMissions, updateMissions } from "./mission-import.write.js";
import { canImportMissions } from "./roadmap.policy.js";
import { listMissions } from "./roadmap.queries.js";

/** What an import did (or, in a dry run, would do), and every problem found. */
export type ImportReport = {
  dryRun: boolean;
  format: ImportFormat;
  /** Records read from the file. */
  rows: number;
  created: string[];
  updated: string[];
  unchanged: number;
  errors: ImportError[];
};

/** An import refused because of bad rows: nothing was changed; the report says why. */
export class ImportRejected extends AppError {
  constructor(readonly report: ImportReport) {
    super(
      "validation_failed",
      `Nothing was imported: ${report.errors.length} problem${report.errors.length === 1 ? "" : "s"} in the file.`,
    );
  }
}

/** Loads what the plan checks against: members, objectives and the missions already there. */
async function loadContext(db: Db, actor: Actor): Promise<ImportContext> {
  const orgs = await db.select({ id: organisations.id, acronym: organisations.acronym }).from(organisations);
  const objectives = await db
    .select({ id: gerObjectives.id, code: gerObjectives.code, position: gerObjectives.position })
    .from(gerObjectives);
  const existing = await listMissions(db);
  return {
    actor,
    organisations: new Map(orgs.map((o) => [o.acronym.toLowerCase(), o])),
    acronyms: new Map(orgs.map((o) => [o.id, o.acronym])),
    objectives: new Map(objectives.map((o) => [o.code, o])),
    existing: new Map(existing.map((m) => [m.slug, m])),
  };
}

function reportOf(plan: ImportPlan, base: Pick<ImportReport, "dryRun" | "format" | "rows">): ImportReport {
  return {
    ...base,
    created: plan.creates.map((p) => p.slug),
    updated: plan.updates.map((p) => p.slug),
    unchanged: plan.unchanged,
    errors: sortImportErrors(plan.errors),
  };
}

/**
 * Imports missions from CSV or JSON: creates those whose slug is new, updates those whose slug
 * exists (fields the file leaves out keep their value), never deletes. A dry run only reports.
 * The real import is all-or-nothing: one bad row and nothing changes (ImportRejected).
 */
export async function importMissions(
  deps: Deps,
  actor: Actor,
  file: { text: string; format?: ImportFormat; dryRun: boolean },
): Promise<ImportReport> {
  if (!canImportMissions(actor))
    throw forbidden("Only focal points and the secretariat can import missions.");
  const format = file.format ?? detectFormat(file.text);
  const read = readMissionFile(file.text, format);
  if (read.rows.length === 0 && read.errors.length === 0) {
    read.errors.push({ line: 1, field: "row", reason: "The file holds no missions." });
  }
  const base = { dryRun: file.dryRun, format, rows: read.rows.length };
  const check = async (db: Db) => {
    const plan = planImport(read.rows, await loadContext(db, actor), format);
    plan.errors.push(...read.errors);
    return plan;
  };
  if (file.dryRun) return reportOf(await check(deps.db), base);
  return write(deps, actor, async (tx, audit) => {
    // Checked again inside the transaction, so the plan matches what it is applied to.
    const plan = await check(tx);
    const report = reportOf(plan, base);
    if (plan.errors.length) throw new ImportRejected(report);
    await createMissions(tx, actor, plan.creates, deps.now());
    await updateMissions(tx, actor, plan.updates, deps.now());
    await audit({
      action: "mission.import",
      subjectType: "mission",
      summary: `Imported missions (${format.toUpperCase()}): ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged} unchanged`,
      details: { created: report.created.slice(0, 1000), updated: report.updated.slice(0, 1000) },
    });
    return report;
  });
}
