/**
 * A missions file read and planned a batch at a time, each batch ready to write: its rows checked
 * (roadmap/import/plan.import.ts) and the missions to create and update encoded as the JSON records the
 * bulk writes read (roadmap/import/write.import.ts). Pure, so it runs in the request's thread for small
 * files and in a worker thread for large ones (roadmap/import/thread.import.ts).
 */
import type { ImportError, ImportFormat } from "../../../domain/import-report.js";
import { missionValues } from "../roadmap.presenter.js";
import { missionFieldLabel } from "../roadmap.schemas.js";
import { type ImportContext, type PlannedMission, planImport } from "./plan.import.js";
import { readMissionFile } from "./read.import.js";

/** Rows planned and written per batch: large enough to keep round trips few, small enough to overlap. */
const BATCH = 1000;

/** What one batch found, and its records to write (null when there are none, or nothing will be written). */
export type PlannedBatch = {
  errors: ImportError[];
  created: string[];
  updated: string[];
  unchanged: number;
  creates: Uint8Array | null;
  updates: Uint8Array | null;
};

/** A file read: how many records it holds, the problems of its structure, and its planned batches. */
export type Planning = {
  rows: number;
  errors: ImportError[];
  batches: Iterable<PlannedBatch> | AsyncIterable<PlannedBatch>;
};

/**
 * Reads the file and plans it lazily, batch by batch. Records are encoded only for a real import
 * (`write`) and only while no problem has been found: after the first bad row nothing will be
 * written, but every row is still checked so the report lists them all.
 */
export function planFile(
  text: string,
  format: ImportFormat,
  ctx: ImportContext,
  write: boolean,
): Planning & { batches: Iterable<PlannedBatch> } {
  const read = readMissionFile(text, format);
  function* batches(): Generator<PlannedBatch> {
    const seen = new Map<string, number>();
    let clean = write && read.errors.length === 0;
    for (let k = 0; k < read.rows.length; k += BATCH) {
      const plan = planImport(read.rows.slice(k, k + BATCH), ctx, format, seen);
      clean &&= plan.errors.length === 0;
      yield {
        errors: plan.errors,
        created: plan.creates.map((p) => p.slug),
        updated: plan.updates.map((p) => p.slug),
        unchanged: plan.unchanged,
        creates: clean && plan.creates.length ? encodeCreates(plan.creates) : null,
        updates: clean && plan.updates.length ? encodeUpdates(plan.updates) : null,
      };
    }
  }
  return { rows: read.rows.length, errors: read.errors, batches: batches() };
}

/**
 * One record of a batch: the mission's columns, its links and its revision. Empty values (null,
 * false, []) are left out, which `json_to_recordset` reads as null and the statement turns back
 * into the column's default: a third less JSON for the database to read.
 */
function record(p: PlannedMission, summary: string, before: unknown) {
  const r: Record<string, unknown> = {};
  const fields: Record<string, unknown> = p.columns;
  for (const key in fields) {
    const v = fields[key];
    if (v !== null && v !== undefined && v !== false && !(Array.isArray(v) && v.length === 0)) r[key] = v;
  }
  if (p.current) r.id = p.current.id;
  if (p.partnerIds.length) r.partners = p.partnerIds;
  if (p.objectiveIds?.length) r.objectives = p.objectiveIds;
  if (p.objectiveIds !== undefined) r.replaceObjectives = true;
  r.summary = summary;
  if (before != null) r.before = before;
  r.after = p.after;
  return r;
}

/**
 * A batch's records as one JSON document in UTF-8 bytes, read on the server as rows of the
 * record's columns. Bytes, not text: a text parameter of a megabyte costs the embedded database's
 * driver a pass per character to measure and copy it, bytes are copied in one go (see
 * `pgliteOptions`). The array owns its memory, so a worker thread can hand it over without a copy.
 */
const encode = (records: unknown[]) => new TextEncoder().encode(JSON.stringify(records));

/** The records of planned new missions, each with an "Added by import" revision. */
const encodeCreates = (batch: PlannedMission[]) =>
  encode(batch.map((p) => record(p, "Added by import", null)));

/** The records of changed missions, each with a revision of what changed. */
const encodeUpdates = (batch: PlannedMission[]) =>
  encode(
    batch.map((p) => {
      const before = missionValues(p.current!) as Record<string, unknown>;
      const after = p.after as Record<string, unknown>;
      const pick = (o: Record<string, unknown>) => Object.fromEntries(p.changed.map((k) => [k, o[k]]));
      const summary = `Changed ${p.changed.map(missionFieldLabel).join(", ")} (import)`;
      return { ...record(p, summary, pick(before)), after: pick(after) };
    }),
  );
