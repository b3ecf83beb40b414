import type { Db } from "../../../db/client.js";
import { toCsv } from "../../../domain/csv.js";
import { technologyValues } from "../ctl/ctl.service.js";
import { capabilityValues } from "../records/capabilities.service.js";
import { needValues } from "../records/needs.service.js";
import { listCapabilities, listNeeds } from "../records/records.queries.js";
import { listTechnologies } from "../technology.queries.js";
import { columnsByKind, type ImportKind } from "./read.import.js";

/** The records of one kind as people and the API write them; capabilities and needs from the real dataset only. */
export async function exportRecords(db: Db, kind: ImportKind): Promise<Array<Record<string, unknown>>> {
  if (kind === "technologies") return (await listTechnologies(db)).map(technologyValues);
  if (kind === "capabilities") {
    // A capability is keyed by agency and technology: its database id is not part of the file.
    return (await listCapabilities(db, { dataset: "real" })).rows.map((c) => {
      const { id: _id, ...v } = capabilityValues(c);
      return v;
    });
  }
  return (await listNeeds(db, { dataset: "real" })).rows.map(needValues);
}

/** The records as CSV, in the columns the import reads (lists joined with "; "). */
export function recordsCsv(kind: ImportKind, records: Array<Record<string, unknown>>): string {
  const columns = columnsByKind[kind];
  return toCsv(
    Object.keys(columns),
    records.map((r) => Object.values(columns).map((field) => r[field])),
  );
}
