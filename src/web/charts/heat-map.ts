import { cellText, type HeatCell, type HeatMapModel, type HeatRow } from "../../domain/heat-map.js";

/**
 * Sequential single-hue blues, TRL 1 (light) to 9 (dark): lightness alone orders them, so they read
 * the same with any colour vision and in greyscale; the number in each cell says it in words.
 */
export const trlColours = [
  "#f7fbff",
  "#deebf7",
  "#c6dbef",
  "#9ecae1",
  "#6baed6",
  "#4292c6",
  "#2171b5",
  "#08519c",
  "#08306b",
] as const;
const PRESENCE_FILL = "#9ecae1";
const GAP_COLOUR = "#D55E00";
const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
const CELL_W = 38;
const CELL_H = 22;
const LABEL_W = 300;
const HEADER_H = 84;
const GAP_W = 84;
const TITLE_CHARS = 34;

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The fill of a cell: by current TRL, or one colour when only presence is shown. */
export const cellFill = (cell: HeatCell) => (cell.trl === null ? PRESENCE_FILL : trlColours[cell.trl - 1]!);
const inkOn = (cell: HeatCell) => (cell.trl !== null && cell.trl >= 6 ? "#ffffff" : "#1b1b1b");

/** The tooltip and accessible name of a cell. */
export function cellTitle(row: HeatRow, agency: string, cell: HeatCell | null): string {
  if (!cell) return `${row.code} ${row.title}: ${agency} reports no capability`;
  if (cell.trl === null) return `${row.code} ${row.title}: ${agency} works on it`;
  const target =
    cell.target !== null && cell.target > cell.trl ? `, target TRL ${cell.target} by ${cell.targetDate}` : "";
  return `${row.code} ${row.title}: ${agency} at TRL ${cell.trl}${target}`;
}

/** A warning triangle centred on (x, y): the gap mark, a shape so that colour is not alone. */
const triangle = (x: number, y: number, r = 7) =>
  `<path d="M${x},${y - r}L${x + r},${y + r * 0.8}L${x - r},${y + r * 0.8}Z" fill="${GAP_COLOUR}" stroke="#1b1b1b" stroke-width="1"/><text x="${x}" y="${y + r * 0.55}" text-anchor="middle" font-size="9" font-weight="700" fill="#ffffff">!</text>`;

function header(m: HeatMapModel, showGaps: boolean): string[] {
  const out = [
    `<text x="8" y="${HEADER_H - 8}" font-weight="700">Technology</text>`,
    ...m.agencies.map((a, k) => {
      const x = LABEL_W + k * CELL_W + CELL_W / 2 + 4;
      return `<text transform="translate(${x},${HEADER_H - 8}) rotate(-55)" font-weight="700">${esc(a)}</text>`;
    }),
  ];
  if (showGaps)
    out.push(
      `<text x="${LABEL_W + m.agencies.length * CELL_W + 10}" y="${HEADER_H - 8}" font-weight="700">Gap</text>`,
    );
  return out;
}

function rowMarkup(
  row: HeatRow,
  y: number,
  m: HeatMapModel,
  opts: { showGaps: boolean; href?: (code: string) => string },
): string {
  const label = `<text x="8" y="${y + 15}"><tspan font-weight="700">${esc(row.code)}</tspan> ${esc(short(row.title, TITLE_CHARS))}</text>`;
  const parts = [opts.href ? `<a href="${esc(opts.href(row.code))}">${label}</a>` : label];
  row.cells.forEach((cell, k) => {
    const x = LABEL_W + k * CELL_W;
    const title = `<title>${esc(cellTitle(row, m.agencies[k]!, cell))}</title>`;
    if (!cell) {
      parts.push(
        `<g><rect x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" fill="#ffffff" stroke="#d0d4d9"/>${title}</g>`,
      );
      return;
    }
    parts.push(
      `<g><rect x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" fill="${cellFill(cell)}" stroke="#ffffff"/><text x="${x + CELL_W / 2}" y="${y + 15}" text-anchor="middle" fill="${inkOn(cell)}">${cellText(cell)}</text>${title}</g>`,
    );
  });
  if (opts.showGaps && row.shortfall) {
    const x = LABEL_W + m.agencies.length * CELL_W + 16;
    parts.push(
      `<g>${triangle(x, y + 11)}<text x="${x + 12}" y="${y + 15}" font-weight="700">−${row.shortfall} TRL</text><title>${esc(`${row.code}: short by ${row.shortfall} TRL for a need`)}</title></g>`,
    );
  }
  return parts.join("");
}

function legend(m: HeatMapModel, top: number, showGaps: boolean): string[] {
  const out = [`<text x="8" y="${top}" font-weight="700">Legend</text>`];
  if (m.detail === "trl") {
    trlColours.forEach((colour, k) => {
      const x = 8 + k * 34;
      out.push(
        `<rect x="${x}" y="${top + 8}" width="30" height="18" fill="${colour}" stroke="#8a9199"/>`,
        `<text x="${x + 15}" y="${top + 21}" text-anchor="middle" fill="${k >= 5 ? "#ffffff" : "#1b1b1b"}">${k + 1}</text>`,
      );
    });
    out.push(
      `<text x="${8 + 9 * 34 + 6}" y="${top + 21}">current TRL (1 to 9); "4→7": TRL 4 now, 7 planned</text>`,
    );
  } else {
    out.push(
      `<rect x="8" y="${top + 8}" width="30" height="18" fill="${PRESENCE_FILL}" stroke="#8a9199"/>`,
      `<text x="23" y="${top + 21}" text-anchor="middle">●</text>`,
      `<text x="46" y="${top + 21}">the agency works on this technology</text>`,
    );
  }
  out.push(
    `<rect x="8" y="${top + 34}" width="30" height="18" fill="#ffffff" stroke="#d0d4d9"/>`,
    `<text x="46" y="${top + 47}">empty: no capability reported</text>`,
  );
  if (showGaps)
    out.push(
      triangle(23, top + 69),
      `<text x="46" y="${top + 73}">gap: no agency is projected to reach the TRL a need asks for by its date (shortfall in TRL levels)</text>`,
    );
  return out;
}

/**
 * Draws the heat map as a standalone SVG document: technologies down, agencies across, each cell
 * coloured by TRL with its number written in it, gaps marked by a triangle and the shortfall.
 */
export function heatMapSvg(
  m: HeatMapModel,
  opts: { title?: string; idPrefix?: string; href?: (code: string) => string } = {},
): string {
  const showGaps = m.detail === "trl";
  const gridW = LABEL_W + m.agencies.length * CELL_W + (showGaps ? GAP_W : 0);
  const legendTop = HEADER_H + m.rows.length * CELL_H + 30;
  const width = Math.max(gridW + 8, 720);
  const height = legendTop + (showGaps ? 86 : 62);
  const id = opts.idPrefix ?? "heat-map";
  const title =
    opts.title ??
    `Technology heat map: ${m.rows.length} technologies × ${m.agencies.length} agencies${showGaps ? ", TRL by agency, gaps marked" : ", who works on what"}`;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="heat-map" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-labelledby="${id}-title" font-family="${FONT}" font-size="11">`,
    `<title id="${id}-title">${esc(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...header(m, showGaps),
  ];
  m.rows.forEach((row, k) => {
    out.push(rowMarkup(row, HEADER_H + k * CELL_H, m, { showGaps, href: opts.href }));
  });
  out.push(...legend(m, legendTop, showGaps), "</svg>");
  return out.join("\n");
}
