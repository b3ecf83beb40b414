import type { Db } from "../../../db/client.js";
import { gerObjectives, organisations } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import {
  detectFormat,
  type ImportFormat,
  type ImportReportBase,
  noRecordsError,
  sortImportErrors,
} from "../../../domain/import-report.js";
import type { Actor } from "../../../http/actor.js";
import { forbidden } from "../../../http/errors.js";
import { runImport } from "../../../kit/imports.js";
import { canImportMissions } from "../roadmap.policy.js";
import { listMissions } from "../roadmap.queries.js";
import { type Planning, planFile } from "./batches.import.js";
import type { ImportContext } from "./plan.import.js";
import { planInWorker } from "./thread.import.js";
import { createMissions, updateMissions } from "./write.import.js";

/** What an import did (or, in a dry run, would do), and every problem found. */
export type ImportReport = ImportReportBase & { created: string[]; updated: string[]; unchanged: number };

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

/** What the batches found: the slugs only, so each batch can be let go once written. */
type Outcome = Pick<ImportReport, "created" | "updated" | "unchanged" | "errors">;

/** Files this large (about 15,000 missions) are checked in a worker thread, beside the writes. */
const OFF_THREAD_FROM = 4_000_000;

/** A missions file as sent; `offThread` forces (or forbids) checking it in a worker thread. */
export type MissionFile = { text: string; format?: ImportFormat; dryRun: boolean; offThread?: boolean };

/**
 * Imports missions from CSV or JSON: creates those whose slug is new, updates those whose slug
 * exists (fields the file leaves out keep their value), never deletes. A dry run only reports.
 * The real import is all-or-nothing: one bad row and nothing changes (ImportRejected).
 */
export async function importMissions(deps: Deps, actor: Actor, file: MissionFile): Promise<ImportReport> {
  if (!canImportMissions(actor))
    throw forbidden("Only focal points and the secretariat can import missions.");
  const format = file.format ?? detectFormat(file.text);
  return runImport(
    deps,
    actor,
    file.dryRun,
    async (db, writing) => {
      // Batches already written are rolled back with the transaction when the report has problems.
      const planning = await planMissionFile(db, actor, file, format, writing);
      const writer = writing ? { tx: db, actor, now: deps.now() } : undefined;
      return reportOf(file, format, planning, await writeBatches(planning, writer));
    },
    (report) => ({
      action: "mission.import",
      subjectType: "mission",
      summary: `Imported missions (${format.toUpperCase()}): ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged} unchanged`,
      details: { created: report.created.slice(0, 1000), updated: report.updated.slice(0, 1000) },
    }),
  );
}

/** Reads the file and starts planning it, here or, for a large file, in a worker thread. */
async function planMissionFile(
  db: Db,
  actor: Actor,
  file: MissionFile,
  format: ImportFormat,
  write: boolean,
) {
  const input = { text: file.text, format, ctx: await loadContext(db, actor), write };
  const offThread = file.offThread ?? file.text.length >= OFF_THREAD_FROM;
  const planning = offThread
    ? await planInWorker(input)
    : planFile(input.text, format, input.ctx, input.write);
  if (planning.rows === 0 && planning.errors.length === 0) {
    planning.errors.push(noRecordsError("missions"));
  }
  return planning;
}

/** The report: the file's own problems and the rows' together, in the order of the file. */
function reportOf(
  file: MissionFile,
  format: ImportFormat,
  planning: Planning,
  outcome: Outcome,
): ImportReport {
  const errors = sortImportErrors([...planning.errors, ...outcome.errors]);
  return { dryRun: file.dryRun, format, rows: planning.rows, ...outcome, errors };
}

/**
 * Takes the planned batches in turn and, given a writer, writes each while the next is planned:
 * the database works on one batch while this thread (or the worker) checks the next. Batches come
 * with records only while the file is clean, so after the first bad row nothing more is written.
 */
async function writeBatches(
  planning: Planning,
  writer?: { tx: Db; actor: Actor; now: Date },
): Promise<Outcome> {
  const outcome: Outcome = { errors: [], created: [], updated: [], unchanged: 0 };
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;
  for await (const batch of planning.batches) {
    outcome.errors.push(...batch.errors);
    outcome.created.push(...batch.created);
    outcome.updated.push(...batch.updated);
    outcome.unchanged += batch.unchanged;
    await writing;
    if (writer && failure === undefined && (batch.creates || batch.updates)) {
      const { tx, actor, now } = writer;
      const { creates, updates } = batch;
      writing = (async () => {
        if (creates) await createMissions(tx, actor, creates, now);
        if (updates) await updateMissions(tx, actor, updates, now);
      })().catch((e) => {
        failure = e;
      });
      // Let the driver send the statement before this thread gets busy with the next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await writing;
  if (failure !== undefined) throw failure;
  return outcome;
}
