import { toCsv } from "../../domain/csv.js";
import { formatAtPrecision } from "../../domain/mission-dates.js";
import type { Mission } from "./roadmap.queries.js";

const at = (iso: string | null, p: Mission["launchPrecision"]) => (iso && p ? formatAtPrecision(iso, p) : "");

/** The columns of the missions CSV; the import reads the same columns (see roadmap/import/read.import.ts). */
export const missionCsvHeader = [
  "slug",
  "name",
  "lead",
  "partners",
  "other_partners",
  "destination",
  "crewed",
  "launch",
  "launch_precision",
  "end",
  "end_precision",
  "status",
  "studies_polar_volatiles",
  "instruments",
  "description",
  "uncertain",
  "uncertainty_note",
  "sources",
  "objectives",
  "lead_other",
  "url",
];

/** Where a fact came from and how sure we are of it: for editors, never for visitors. */
const provenanceColumns = new Set(["uncertain", "uncertainty_note", "sources"]);

/**
 * Every field of the missions, one row each. Lists are separated by semicolons; `lead` is the
 * member agency's acronym and `lead_other` a non-member lead, so the file imports back unchanged.
 * Visitors' copies leave out the provenance columns (`withProvenance: false`).
 */
export function missionsCsv(list: Mission[], baseUrl: string, withProvenance = true): string {
  const keep = missionCsvHeader.map((h) => withProvenance || !provenanceColumns.has(h));
  const pick = <T>(row: T[]) => row.filter((_, i) => keep[i]);
  return toCsv(
    pick(missionCsvHeader),
    list.map((m) =>
      pick([
        m.slug,
        m.name,
        m.leadAcronym,
        m.partners.map((p) => p.acronym),
        m.otherPartners,
        m.destination,
        m.crewed,
        at(m.launchOn, m.launchPrecision),
        m.launchPrecision,
        at(m.endsOn, m.endPrecision),
        m.endPrecision,
        m.status,
        m.studiesPolarVolatiles,
        m.instruments,
        m.description,
        m.uncertain,
        m.uncertaintyNote,
        m.sources,
        m.objectives,
        m.leadAcronym ? null : m.leadOther,
        `${baseUrl}/roadmap/missions/${m.slug}`,
      ]),
    ),
  );
}

/** What the chart draws: lane, date and precision, status and crew, per mission. */
export function chartCsv(list: Mission[]): string {
  return toCsv(
    ["slug", "name", "lead", "destination", "launch", "launch_precision", "status", "crewed"],
    list.map((m) => [
      m.slug,
      m.name,
      m.leadAcronym ?? m.leadOther,
      m.destination,
      at(m.launchOn, m.launchPrecision),
      m.launchPrecision,
      m.status,
      m.crewed,
    ]),
  );
}
