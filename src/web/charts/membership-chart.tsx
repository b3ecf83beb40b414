import type { GrowthYear } from "../../domain/membership-growth.js";
import { TableScroll } from "../components.js";

const W = 720;
const H = 300;
const M = { top: 28, right: 16, bottom: 40, left: 40 };

/** Bar chart of members per year, written as SVG on the server. */
export function MembershipChart({ years, titleId }: { years: GrowthYear[]; titleId: string }) {
  if (years.length === 0) return null;
  const max = Math.max(...years.map((y) => y.total), 1);
  const step = Math.ceil(max / 5 / 5) * 5 || 1;
  const top = Math.ceil(max / step) * step;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const band = plotW / years.length;
  const barW = Math.max(4, band * 0.66);
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={titleId}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={titleId}>
        Members at the end of each year, {years[0]!.year} to {years.at(-1)!.year}: from {years[0]!.total} to{" "}
        {years.at(-1)!.total}
      </title>
      {ticks.map((t) => (
        <g>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} class="grid" />
          <text x={M.left - 8} y={y(t) + 4} text-anchor="end" class="axis-label">
            {t}
          </text>
        </g>
      ))}
      {years.map((yr, i) => {
        const x = M.left + i * band + (band - barW) / 2;
        const label = years.length > 12 && (years.length - 1 - i) % 2 === 1 ? "" : String(yr.year);
        return (
          <g>
            <rect x={x} y={y(yr.total)} width={barW} height={Math.max(0, y(0) - y(yr.total))} class="bar" />
            {yr.joined.length > 0 ? (
              <text x={x + barW / 2} y={y(yr.total) - 6} text-anchor="middle" class="value-label">
                {yr.total}
              </text>
            ) : null}
            <text x={x + barW / 2} y={H - M.bottom + 18} text-anchor="middle" class="axis-label">
              {label}
            </text>
          </g>
        );
      })}
      <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} class="axis" />
    </svg>
  );
}

/** The same figures as a table, for screen readers and anyone who prefers numbers. */
export function MembershipTable({ years }: { years: GrowthYear[] }) {
  const changed = years.filter((y) => y.joined.length > 0 || y.left.length > 0);
  return (
    <TableScroll label="Years in which membership changed">
      <table>
        <caption>Years in which membership changed</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col">Joined</th>
            <th scope="col">Members at year end</th>
          </tr>
        </thead>
        <tbody>
          {changed.map((y) => (
            <tr>
              <th scope="row">{y.year}</th>
              <td>
                {y.joined.join(", ")}
                {y.left.length ? ` · left: ${y.left.join(", ")}` : ""}
              </td>
              <td class="num">{y.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
