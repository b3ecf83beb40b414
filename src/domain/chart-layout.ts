import { type Precision, periodOf } from "./mission-dates.js";

/** One thing to place on the timeline: a dated item in a lane, with the room its label needs. */
export type ChartItem = { id: string; lane: string; date: string; precision: Precision; labelWidth?: number };

export type LayoutOptions = {
  lanes: string[];
  /** First and last year shown (inclusive). */
  from: number;
  to: number;
  /** Pixels per year and the plot's left edge. */
  pxPerYear: number;
  left: number;
  top: number;
  rowHeight: number;
  /** Space above and below the rows inside each lane, and the least height of a lane. */
  lanePadding: number;
  minLaneHeight?: number;
  /** Width of a point mark (its glyph) and the least gap between two marks in one row. */
  pointWidth: number;
  gap: number;
};

export type PlacedMark = {
  id: string;
  lane: string;
  row: number;
  kind: "bar" | "point";
  /** The period's extent (bars) or the point's centre (x0 = x1). */
  x0: number;
  x1: number;
  /** Centre line of the row. */
  y: number;
  /** What the mark occupies in its row, glyph and label included. */
  extent: { left: number; right: number };
};

export type LaneBox = { key: string; y: number; height: number; rows: number; count: number };
export type Tick = { year: number; x: number; major: boolean; labelled: boolean };

export type Layout = {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  lanes: LaneBox[];
  marks: PlacedMark[];
  ticks: Tick[];
};

/** The x position of a fractional year. */
export const xOf = (year: number, o: Pick<LayoutOptions, "from" | "pxPerYear" | "left">) =>
  o.left + (year - o.from) * o.pxPerYear;

/** Where a mark goes along the axis: a bar across its year or quarter, a point for a month or a day. */
export function placeOnAxis(
  date: string,
  precision: Precision,
  o: Pick<LayoutOptions, "from" | "pxPerYear" | "left">,
): { kind: "bar" | "point"; x0: number; x1: number } {
  const { start, end } = periodOf(date, precision);
  if (precision === "year" || precision === "quarter") {
    return { kind: "bar", x0: xOf(start, o), x1: xOf(end, o) };
  }
  // A month is drawn at its middle, a day at its own position.
  const x = precision === "month" ? xOf((start + end) / 2, o) : xOf(start, o);
  return { kind: "point", x0: x, x1: x };
}

/**
 * Year ticks: every year when there is room, else every 2 or 5; decades are major and always labelled.
 * Labels are spaced so that they never crowd (at least ~36 px apart).
 */
export function yearTicks(from: number, to: number, pxPerYear: number, left: number): Tick[] {
  const step = pxPerYear >= 8 ? 1 : pxPerYear >= 4 ? 2 : 5;
  const labelEvery = [1, 2, 5, 10].find((n) => n * pxPerYear >= 36) ?? 10;
  const ticks: Tick[] = [];
  for (let year = from; year <= to + 1; year++) {
    const major = year % 10 === 0;
    if (!major && year % step !== 0) continue;
    ticks.push({ year, x: xOf(year, { from, pxPerYear, left }), major, labelled: year % labelEvery === 0 });
  }
  return ticks;
}

/**
 * Packs marks into rows within their lane so that no two marks in one row overlap (greedy interval
 * partitioning on the left edge; each mark takes the first row where it fits). Items outside the
 * year range or in unknown lanes are left out; callers list them separately.
 */
export function layoutChart(items: ChartItem[], o: LayoutOptions): Layout {
  const half = o.pointWidth / 2;
  const lanes: LaneBox[] = [];
  const marks: PlacedMark[] = [];
  const rightEdge = xOf(o.to + 1, o);
  let y = o.top;
  for (const lane of o.lanes) {
    const placed = items
      .filter((i) => i.lane === lane && inRange(i, o))
      .map((i) => {
        const axis = placeOnAxis(i.date, i.precision, o);
        const left = Math.min(axis.x0, (axis.x0 + axis.x1) / 2 - half);
        const right = Math.max(axis.x1, (axis.x0 + axis.x1) / 2 + half) + (i.labelWidth ?? 0);
        return { item: i, axis, extent: { left, right } };
      })
      .sort((a, b) => a.extent.left - b.extent.left || a.item.id.localeCompare(b.item.id));
    const rowEnds: number[] = [];
    const rowOf = placed.map((p) => {
      let row = rowEnds.findIndex((end) => end + o.gap <= p.extent.left);
      if (row === -1) row = rowEnds.push(p.extent.right) - 1;
      else rowEnds[row] = p.extent.right;
      return row;
    });
    const rows = Math.max(1, rowEnds.length);
    const height = Math.max(o.minLaneHeight ?? 0, rows * o.rowHeight + 2 * o.lanePadding);
    placed.forEach((p, k) => {
      marks.push({
        id: p.item.id,
        lane,
        row: rowOf[k]!,
        kind: p.axis.kind,
        x0: p.axis.x0,
        x1: p.axis.x1,
        y: y + o.lanePadding + rowOf[k]! * o.rowHeight + o.rowHeight / 2,
        extent: p.extent,
      });
    });
    lanes.push({ key: lane, y, height, rows, count: placed.length });
    y += height;
  }
  const widest = Math.max(rightEdge, ...marks.map((m) => m.extent.right));
  return {
    width: Math.ceil(widest + 16),
    height: Math.ceil(y),
    plot: { left: o.left, right: rightEdge, top: o.top, bottom: y },
    lanes,
    marks,
    ticks: yearTicks(o.from, o.to, o.pxPerYear, o.left),
  };
}

const inRange = (i: ChartItem, o: LayoutOptions) => {
  const year = Number(i.date.slice(0, 4));
  return year >= o.from && year <= o.to;
};

/** True when two marks in the same lane and row overlap; the layout promises this never happens. */
export function overlapping(marks: PlacedMark[]): Array<[string, string]> {
  const clashes: Array<[string, string]> = [];
  const byRow = new Map<string, PlacedMark[]>();
  for (const m of marks) {
    const key = `${m.lane}:${m.row}`;
    const row = byRow.get(key);
    if (row) row.push(m);
    else byRow.set(key, [m]);
  }
  for (const row of byRow.values()) {
    const sorted = [...row].sort((a, b) => a.extent.left - b.extent.left);
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k]!.extent.left < sorted[k - 1]!.extent.right)
        clashes.push([sorted[k - 1]!.id, sorted[k]!.id]);
    }
  }
  return clashes;
}
