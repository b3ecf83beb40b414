import { destinations, type MissionStatus, missionStatuses } from "../../../db/schema/index.js";
import { type ChartItem, type Layout, layoutChart, type PlacedMark } from "../../../domain/chart-layout.js";
import { describeAtPrecision } from "../../../domain/mission-dates.js";
import type { Mission } from "../roadmap.queries.js";
import { destinationLabels, statusLabels } from "../roadmap.schemas.js";

/** Okabe-Ito colours, one per status; the shape says the same thing for anyone who cannot see colour. */
export const statusStyle: Record<MissionStatus, { colour: string; shape: string; shapeName: string }> = {
  operating: { colour: "#009E73", shape: "circle", shapeName: "circle" },
  funded: { colour: "#0072B2", shape: "square", shapeName: "square" },
  in_formulation: { colour: "#E69F00", shape: "diamond", shapeName: "diamond" },
  concept: { colour: "#CC79A7", shape: "triangle", shapeName: "triangle" },
  completed: { colour: "#000000", shape: "down", shapeName: "downward triangle" },
  cancelled: { colour: "#D55E00", shape: "cross", shapeName: "cross" },
};

const R = 6;
const LEFT = 150;
const TOP = 40;
const ROW = 22;
const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
const LABEL_LIMIT = 150;
const LABEL_CHARS = 34;
/** Room past the last year, so its tick label and the last labels are never cut. */
const RIGHT_PAD = 28;
const CHAR_W = 6.3;

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const n = (v: number) => (Math.round(v * 10) / 10).toString();

/** The SVG path of a status glyph centred on (x, y). */
export function glyphPath(shape: string, x: number, y: number, r = R): string {
  switch (shape) {
    case "circle":
      return `M${n(x - r)},${n(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case "square":
      return `M${n(x - r * 0.85)},${n(y - r * 0.85)}h${n(r * 1.7)}v${n(r * 1.7)}h${n(-r * 1.7)}Z`;
    case "diamond":
      return `M${n(x)},${n(y - r * 1.15)}L${n(x + r * 1.15)},${n(y)}L${n(x)},${n(y + r * 1.15)}L${n(x - r * 1.15)},${n(y)}Z`;
    case "triangle":
      return `M${n(x)},${n(y - r * 1.1)}L${n(x + r * 1.1)},${n(y + r * 0.9)}L${n(x - r * 1.1)},${n(y + r * 0.9)}Z`;
    case "down":
      return `M${n(x)},${n(y + r * 1.1)}L${n(x + r * 1.1)},${n(y - r * 0.9)}L${n(x - r * 1.1)},${n(y - r * 0.9)}Z`;
    default: {
      const a = r * 0.35;
      const b = r;
      return `M${n(x - b)},${n(y - b + a)}L${n(x - b + a)},${n(y - b)}L${n(x)},${n(y - a)}L${n(x + b - a)},${n(y - b)}L${n(x + b)},${n(y - b + a)}L${n(x + a)},${n(y)}L${n(x + b)},${n(y + b - a)}L${n(x + b - a)},${n(y + b)}L${n(x)},${n(y + a)}L${n(x - b + a)},${n(y + b)}L${n(x - b)},${n(y + b - a)}L${n(x - a)},${n(y)}Z`;
    }
  }
}

/** A glyph: filled for crewed missions, outlined (white inside, dark rim) for robotic ones. */
function glyph(status: MissionStatus, crewed: boolean, x: number, y: number): string {
  const { colour, shape } = statusStyle[status];
  const d = glyphPath(shape, x, y);
  return crewed
    ? `<path class="glyph" d="${d}" fill="${colour}" stroke="#1b1b1b" stroke-width="1.2"/>`
    : `<path d="${d}" fill="#fff" stroke="#1b1b1b" stroke-width="4.2"/><path class="glyph" d="${d}" fill="#fff" stroke="${colour}" stroke-width="2.2"/>`;
}

const shortName = (s: string) => (s.length > LABEL_CHARS ? `${s.slice(0, LABEL_CHARS - 1)}…` : s);
const leadOf = (m: Mission) => m.leadAcronym ?? m.leadOther ?? "";

/** The tooltip and accessible name of a mark: name, agency, date, status. */
export function markTitle(m: Mission): string {
  const date =
    m.launchOn && m.launchPrecision ? describeAtPrecision(m.launchOn, m.launchPrecision) : "no date";
  return `${m.name} — ${leadOf(m)} — launch ${date} — ${statusLabels[m.status]}, ${m.crewed ? "crewed" : "robotic"}`;
}

export type ChartResult = {
  svg: string;
  layout: Layout;
  drawn: number;
  notDrawn: Mission[];
  /** The years shown. */
  from: number;
  to: number;
};

/** How many years before the current one the chart starts by default. */
export const YEARS_BEFORE_NOW = 5;

const yearOf = (iso: string) => Number(iso.slice(0, 4));
const finished = (m: Mission) => m.status === "completed" || m.status === "cancelled";

/**
 * The first year shown: the one asked for; else a few years before now (not the oldest launch,
 * which would leave decades of empty axis), or the earliest launch when that is later.
 */
function firstYear(years: number[], from: number | undefined, currentYear: number | undefined): number {
  if (from !== undefined) return from;
  if (!years.length) return currentYear ?? 2020;
  const earliest = Math.min(...years);
  return currentYear === undefined ? earliest : Math.max(earliest, currentYear - YEARS_BEFORE_NOW);
}

/** Launched before the window but not over: drawn as a bar entering from the left edge. */
const ongoingBefore = (m: Mission, from: number) =>
  yearOf(m.launchOn!) < from && !finished(m) && (!m.endsOn || yearOf(m.endsOn) >= from);

/**
 * Writes the mission scenario chart as a standalone SVG document: lanes by destination, a time
 * axis with decade and year ticks, one linked, focusable mark per dated mission, and a legend.
 * Missions still under way that launched before the first year shown enter from the left edge.
 */
export function missionChart(
  list: Mission[],
  opts: {
    from?: number;
    to?: number;
    /** Given, the default window starts a few years before it. */
    currentYear?: number;
    idPrefix?: string;
    title?: string;
    lanes?: string[];
    /** Lines printed under the legend of an exported chart: what it shows, when, from where. */
    caption?: string[];
  } = {},
): ChartResult {
  const all = list.filter((m) => m.launchOn && m.launchPrecision);
  const years = all.map((m) => yearOf(m.launchOn!));
  const from = firstYear(years, opts.from, opts.currentYear);
  const to = Math.max(from, opts.to ?? (years.length ? Math.max(...years) : from + 10));
  const entering = new Set(all.filter((m) => ongoingBefore(m, from)).map((m) => m.slug));
  const dated = all.filter((m) => entering.has(m.slug) || yearOf(m.launchOn!) >= from);
  const span = to - from + 1;
  const pxPerYear = Math.max(22, Math.min(64, Math.floor(1000 / span)));
  const labels = dated.length <= LABEL_LIMIT;
  const items: ChartItem[] = dated.map((m) => ({
    id: m.slug,
    lane: m.destination,
    // An earlier launch is drawn across the first year shown, with an arrow at the edge.
    date: entering.has(m.slug) ? `${from}-01-01` : m.launchOn!,
    precision: entering.has(m.slug) ? "year" : m.launchPrecision!,
    labelWidth: labels ? 6 + labelOf(m, entering.has(m.slug)).length * CHAR_W : 0,
  }));
  const layout = layoutChart(items, {
    lanes: opts.lanes ?? [...destinations],
    from,
    to,
    pxPerYear,
    left: LEFT,
    top: TOP,
    rowHeight: ROW,
    lanePadding: 6,
    minLaneHeight: 44,
    pointWidth: 2 * R + 4,
    gap: 4,
  });
  const bySlug = new Map(dated.map((m) => [m.slug, m]));
  const drawnSlugs = new Set(layout.marks.map((k) => k.id));
  const legendTop = layout.height + 34;
  const width = Math.max(layout.width + RIGHT_PAD, 720);
  const caption = opts.caption ?? [];
  const height = legendTop + 100 + caption.length * 16;
  const id = opts.idPrefix ?? "mission-chart";
  const title =
    opts.title ?? `Mission scenario chart, ${from} to ${to}: ${drawnSlugs.size} missions by destination`;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="mission-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-labelledby="${id}-title" font-family="${FONT}" font-size="11">`,
    `<title id="${id}-title">${esc(title)}</title>`,
    `<rect class="chart-bg" width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  out.push(...lanesSvg(layout, width), ...ticksSvg(layout));
  for (const mark of layout.marks) {
    out.push(markSvg(bySlug.get(mark.id)!, mark, labels, entering.has(mark.id)));
  }
  out.push(legendSvg(legendTop, width));
  for (const [k, line] of caption.entries())
    out.push(`<text x="8" y="${legendTop + 104 + k * 16}" fill="#4b5563">${esc(line)}</text>`);
  out.push("</svg>");
  return {
    svg: out.join("\n"),
    layout,
    drawn: drawnSlugs.size,
    notDrawn: list.filter((m) => !drawnSlugs.has(m.slug)),
    from,
    to,
  };
}

function lanesSvg(layout: Layout, width: number): string[] {
  return layout.lanes.map((lane, k) => {
    const [fill, cls] = k % 2 === 0 ? ["#f3f4f6", "lane-shaded"] : ["#ffffff", "lane-plain"];
    const label = destinationLabels[lane.key as keyof typeof destinationLabels];
    return `<g><rect class="${cls}" x="0" y="${n(lane.y)}" width="${width}" height="${n(lane.height)}" fill="${fill}"/><text x="8" y="${n(lane.y + Math.min(lane.height / 2, 18) + 4)}" font-weight="bold" fill="#1b1b1b">${esc(label)}</text><text class="soft" x="8" y="${n(lane.y + Math.min(lane.height / 2, 18) + 18)}" fill="#4b5563">${lane.count} mission${lane.count === 1 ? "" : "s"}</text></g>`;
  });
}

function ticksSvg(layout: Layout): string[] {
  const { top, bottom, right } = layout.plot;
  const out = [`<line x1="${LEFT}" x2="${n(right)}" y1="${top}" y2="${top}" stroke="#1b1b1b"/>`];
  for (const t of layout.ticks) {
    const stroke = t.major ? `stroke="#6b7280" stroke-width="1.2"` : `stroke="#d1d5db" stroke-width="0.8"`;
    out.push(
      `<line x1="${n(t.x)}" x2="${n(t.x)}" y1="${top - (t.major ? 10 : 5)}" y2="${n(bottom)}" ${stroke}/>`,
    );
    if (t.labelled) {
      const weight = t.major ? ` font-weight="bold"` : "";
      out.push(
        `<text x="${n(t.x)}" y="${top - 14}" text-anchor="middle" fill="#1b1b1b"${weight}>${t.year}</text>`,
      );
      if (bottom - top > 500)
        out.push(
          `<text x="${n(t.x)}" y="${n(bottom + 14)}" text-anchor="middle" fill="#1b1b1b"${weight}>${t.year}</text>`,
        );
    }
  }
  return out;
}

/** The label beside a mark, with its lead agency; a mission entering from the left says since when. */
const labelOf = (m: Mission, entering: boolean) => {
  const lead = leadOf(m) ? ` · ${leadOf(m)}` : "";
  return entering
    ? `${shortName(m.name)}${lead} (since ${yearOf(m.launchOn!)})`
    : `${shortName(m.name)}${lead}`;
};

/** A left-pointing arrowhead at the plot's edge: this bar began before the first year shown. */
const arrowLeft = (x: number, y: number, colour: string) =>
  `<path d="M${n(x - 7)},${n(y)}L${n(x + 1)},${n(y - 6)}L${n(x + 1)},${n(y + 6)}Z" fill="${colour}" stroke="#1b1b1b" stroke-width="0.8"/>`;

function markSvg(m: Mission, mark: PlacedMark, labels: boolean, entering: boolean): string {
  const { colour } = statusStyle[m.status];
  const cx = (mark.x0 + mark.x1) / 2;
  const parts: string[] = [];
  if (mark.kind === "bar") {
    parts.push(
      `<rect x="${n(mark.x0 + 0.5)}" y="${n(mark.y - 4)}" width="${n(Math.max(1, mark.x1 - mark.x0 - 1))}" height="8" rx="2" fill="${colour}" fill-opacity="0.28" stroke="${colour}"/>`,
    );
  }
  if (entering) parts.push(arrowLeft(mark.x0, mark.y, colour));
  parts.push(glyph(m.status, m.crewed, cx, mark.y));
  if (labels) {
    const x = Math.max(mark.x1, cx + R) + 5;
    parts.push(`<text x="${n(x)}" y="${n(mark.y + 4)}" fill="#1b1b1b">${esc(labelOf(m, entering))}</text>`);
  }
  const title = esc(markTitle(m));
  return `<a href="/roadmap/missions/${m.slug}" aria-label="${title}"><title>${title}</title>${parts.join("")}</a>`;
}

function legendSvg(top: number, width: number): string {
  const out = [
    `<g aria-hidden="true"><text x="8" y="${top - 12}" font-weight="bold" fill="#1b1b1b">Legend</text>`,
  ];
  const step = Math.min(150, Math.floor((width - 16) / missionStatuses.length));
  missionStatuses.forEach((s, k) => {
    const x = 16 + k * step;
    out.push(
      glyph(s, true, x, top + 4),
      `<text x="${x + 12}" y="${top + 8}" fill="#1b1b1b">${statusLabels[s]}</text>`,
    );
  });
  const y2 = top + 34;
  out.push(
    glyph("funded", true, 16, y2),
    `<text x="28" y="${y2 + 4}" fill="#1b1b1b">Filled: crewed</text>`,
    glyph("funded", false, 146, y2),
    `<text x="158" y="${y2 + 4}" fill="#1b1b1b">Outlined: robotic</text>`,
    `<rect x="276" y="${y2 - 4}" width="30" height="8" rx="2" fill="#0072B2" fill-opacity="0.28" stroke="#0072B2"/>`,
    `<text x="312" y="${y2 + 4}" fill="#1b1b1b">Bar: launch year or quarter; mark alone: month or day</text>`,
    arrowLeft(16, y2 + 26, "#009E73"),
    `<text x="28" y="${y2 + 30}" fill="#1b1b1b">Arrow at the left edge: under way since before the first year shown</text>`,
    "</g>",
  );
  return out.join("");
}
