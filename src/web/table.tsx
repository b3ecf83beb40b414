import type { Child } from "hono/jsx";
import { TableScroll } from "./components.js";

/** One column of a `DataTable`: its heading and what each row shows in it. */
export type Column<T> = {
  heading: string;
  /** Read out but not shown: a column of links such as "Edit", whose cells say what they are. */
  headingHidden?: boolean;
  cell: (row: T) => Child;
  /** On each of the column's cells: "nowrap", "small", "actions" … */
  class?: string;
};

/**
 * A list page's table. It scrolls sideways on a phone in a labelled region that takes the keyboard
 * focus, names itself in a caption (for screen readers only, unless shown), and heads each row with
 * the cell that says what the row is about, so that a screen reader names the row with every other cell.
 * With no rows, `empty` (an `EmptyState`) shows instead of an empty table.
 */
export function DataTable<T>(p: {
  label: string;
  /** The caption, when it says more than the label ("Articles, last changed first"). */
  caption?: string;
  columns: Column<T>[];
  rows: T[];
  /** Shows the caption above the table instead of only to screen readers. */
  showCaption?: boolean;
  empty?: Child;
  /**
   * Which column's cell names the row (0, the first, by default), or false when none does (an audit
   * entry is its time, person and action together).
   */
  rowHeader?: number | false;
  rowClass?: (row: T) => string | undefined;
  class?: string;
}) {
  if (p.rows.length === 0 && p.empty !== undefined) return <>{p.empty}</>;
  const rowHeader = p.rowHeader ?? 0;
  return (
    <TableScroll label={p.label}>
      <table class={p.class}>
        <caption class={p.showCaption ? undefined : "visually-hidden"}>{p.caption ?? p.label}</caption>
        <thead>
          <tr>
            {p.columns.map((column) => (
              <th scope="col">
                {column.headingHidden ? (
                  <span class="visually-hidden">{column.heading}</span>
                ) : (
                  column.heading
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((row) => (
            <tr class={p.rowClass?.(row)}>
              {p.columns.map((column, i) =>
                i === rowHeader ? (
                  <th scope="row" class={column.class}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td class={column.class}>{column.cell(row)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
