import type { GapAnalysis } from "./gap-analysis.js";

/**
 * How much a heat map shows: `trl` every figure (current and target TRL, target date, gaps);
 * `presence` only who works on what. The model is built at the level asked for, so a drawing or
 * an export made from a `presence` model cannot leak a TRL.
 */
export type HeatMapDetail = "trl" | "presence";

/** One cell: figures at the `trl` level; at `presence` only the fact that the agency works on it. */
export type HeatCell = { trl: number | null; target: number | null; targetDate: string | null };

export type HeatRow = {
  code: string;
  title: string;
  area: string;
  /** The technology's worst shortfall (0 when met or without needs); null at the `presence` level. */
  shortfall: number | null;
  /** One entry per agency column; null where the agency reports nothing. */
  cells: Array<HeatCell | null>;
};

export type HeatMapModel = { detail: HeatMapDetail; agencies: string[]; rows: HeatRow[] };

/**
 * The technology × agency matrix from a gap analysis: columns are the agencies that report at least
 * one capability (by acronym), rows the technologies in list order, optionally one area only.
 */
export function buildHeatMap(
  analysis: GapAnalysis,
  opts: { detail: HeatMapDetail; areaCode?: string },
): HeatMapModel {
  const agencies = analysis.agencies.map((a) => a.acronym);
  const column = new Map(agencies.map((a, k) => [a, k]));
  const showTrl = opts.detail === "trl";
  const rows = analysis.technologies
    .filter((t) => !opts.areaCode || t.technology.areaCode === opts.areaCode)
    .map((t) => {
      const cells: Array<HeatCell | null> = agencies.map(() => null);
      for (const c of t.capabilities) {
        cells[column.get(c.acronym)!] = showTrl
          ? { trl: c.currentTrl, target: c.targetTrl, targetDate: c.targetDate }
          : { trl: null, target: null, targetDate: null };
      }
      return {
        code: t.technology.code,
        title: t.technology.title,
        area: t.technology.area,
        shortfall: showTrl ? t.worstShortfall : null,
        cells,
      };
    });
  return { detail: opts.detail, agencies, rows };
}

/** The text written in a cell: the current TRL, with the target after an arrow when it is higher. */
export function cellText(cell: HeatCell): string {
  if (cell.trl === null) return "●";
  return cell.target !== null && cell.target > cell.trl ? `${cell.trl}→${cell.target}` : String(cell.trl);
}
