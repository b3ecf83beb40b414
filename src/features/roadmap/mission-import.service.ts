import type { Db } from "../../db/client.js";
import { gerObjectives, organisations } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { type ImportError, sortImportErrors } from "../../domain/import-report.js";
import { AppError, forbidden } from "../../http/errors.js";
import { write } from "../audit/write.js";
import type { Actor } from "../auth/actor.js";
import { type ImportContext, planImport } from "./mission-import.plan.js";
import { detectFormat, type ImportFormat, type RawMission, readMissionFile } from "./mission-import.read.js";
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

/** What planning (and writing) found: the slugs only, so planned batches can be let go once written. */
type Outcome = Pick<ImportReport, "created" | "updated" | "unchanged" | "errors">;

function reportOf(outcome: Outcome, base: Pick<ImportReport, "dryRun" | "format" | "rows">): ImportReport {
  return { ...base, ...outcome, errors: sortImportErrors(outcome.errors) };
}

/** Rows planned and written per batch: large enough to keep round trips few, small enough to overlap. */
const BATCH = 1000;

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
  if (file.dryRun) {
    const outcome = await planAndWrite(read.rows, await loadContext(deps.db, actor), format);
    outcome.errors.push(...read.errors);
    return reportOf(outcome, base);
  }
  return write(deps, actor, async (tx, audit) => {
    // Planned inside the transaction, so the plan matches what it is applied to.
    const writer = read.errors.length ? undefined : { tx, actor, now: deps.now() };
    const outcome = await planAndWrite(read.rows, await loadContext(tx, actor), format, writer);
    outcome.errors.push(...read.errors);
    const report = reportOf(outcome, base);
    // Batches already written are rolled back with the transaction.
    if (report.errors.length) throw new ImportRejected(report);
    await audit({
      action: "mission.import",
      subjectType: "mission",
      summary: `Imported missions (${format.toUpperCase()}): ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged} unchanged`,
      details: { created: report.created.slice(0, 1000), updated: report.updated.slice(0, 1000) },
    });
    return report;
  });
}

/**
 * Plans the rows a batch at a time and, given a writer, writes each batch while the next one is
 * planned: the database works on one batch while this process checks the next. After the first
 * bad row nothing more is written, but every row is still checked so the report lists them all.
 */
async function planAndWrite(
  rows: RawMission[],
  ctx: ImportContext,
  format: ImportFormat,
  writer?: { tx: Db; actor: Actor; now: Date },
): Promise<Outcome> {
  const outcome: Outcome = { errors: [], created: [], updated: [], unchanged: 0 };
  const seen = new Map<string, number>();
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;
  for (let k = 0; k < rows.length; k += BATCH) {
    const part = planImport(rows.slice(k, k + BATCH), ctx, format, seen);
    outcome.errors.push(...part.errors);
    outcome.created.push(...part.creates.map((p) => p.slug));
    outcome.updated.push(...part.updates.map((p) => p.slug));
    outcome.unchanged += part.unchanged;
    await writing;
    if (writer && outcome.errors.length === 0 && failure === undefined) {
      const { tx, actor, now } = writer;
      writing = createMissions(tx, actor, part.creates, now)
        .then(() => updateMissions(tx, actor, part.updates, now))
        .catch((e) => {
          failure = e;
        });
      // Let the driver send the statement before this process gets busy with the next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await writing;
  if (failure !== undefined) throw failure;
  return outcome;
}
