import { Resvg } from "@resvg/resvg-js";
import { formatAtPrecision } from "../../domain/mission-dates.js";
import type { Mission } from "./roadmap.queries.js";

/** One CSV cell: quoted when it holds a comma, quote or line break; formula-like text is defused. */
export function csvCell(value: unknown): string {
  let s = value == null ? "" : Array.isArray(value) ? value.join("; ") : String(value);
  if (/^[=+@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document (RFC 4180, CRLF line ends) from a header row and rows. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

const at = (iso: string | null, p: Mission["launchPrecision"]) => (iso && p ? formatAtPrecision(iso, p) : "");

/** Every field of the missions, one row each. */
export function missionsCsv(list: Mission[], baseUrl: string): string {
  return toCsv(
    [
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
      "url",
    ],
    list.map((m) => [
      m.slug,
      m.name,
      m.leadAcronym ?? m.leadOther,
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
      `${baseUrl}/roadmap/missions/${m.slug}`,
    ]),
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

/** Renders an SVG document to PNG at twice its size, with the system's fonts. */
export function svgToPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
