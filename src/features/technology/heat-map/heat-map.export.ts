import { toCsv } from "../../../domain/csv.js";
import { cellText, type HeatMapModel } from "../../../domain/heat-map.js";

/**
 * The heat map as CSV: one row per technology, one column per agency, then the gap. A cell holds
 * what the drawing writes in it ("4→7", "5"), or "x" where only presence is shown; an empty cell
 * means no capability reported. Built from the model, so a presence-level model has no TRLs to leak.
 */
export function heatMapCsv(m: HeatMapModel): string {
  const trl = m.detail === "trl";
  const header = ["code", "technology", "area", ...m.agencies, ...(trl ? ["shortfall"] : [])];
  const rows = m.rows.map((r) => [
    r.code,
    r.title,
    r.area,
    ...r.cells.map((c) => (c === null ? "" : trl ? cellText(c) : "x")),
    ...(trl ? [r.shortfall ?? 0] : []),
  ]);
  return toCsv(header, rows);
}

/** An SVG chart as a standalone file (XML declaration first). */
export const svgDocument = (svg: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
