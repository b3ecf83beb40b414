import type { Child } from "hono/jsx";
import { CsrfField, PageHeader, Pagination, TableScroll } from "./components.js";
import { formatTimestamp } from "./format.js";

/** One line of a record's history, as the feature names it. */
export type HistoryRow = {
  /** The revision's number, counted from the first. */
  number: number;
  at: Date;
  by: string;
  /** What the revision was: its title at the time, a link to it where a feature shows one. */
  title: Child;
  /** What changed, or how the revision came about ("Created", "Restored revision 1"). */
  note?: string | null;
  /** The confirmation page that restores it; none for the current version. */
  restoreHref?: string;
};

/**
 * A record's revisions, newest first: number, when, who, what, and a link to restore each earlier
 * one (through its confirmation page). The first row of the first page is the current version.
 */
export function RevisionHistory(p: {
  rows: HistoryRow[];
  page: number;
  pages: number;
  href: (page: number) => string;
  empty: string;
  /** What the fourth column holds; "Title at the time" unless the feature names it otherwise. */
  titleHeading?: string;
}) {
  if (p.rows.length === 0) return <p class="muted">{p.empty}</p>;
  return (
    <>
      <TableScroll label="Revisions">
        <table>
          <caption class="visually-hidden">Revisions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">Saved</th>
              <th scope="col">By</th>
              <th scope="col">{p.titleHeading ?? "Title at the time"}</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r, i) => {
              const current = p.page === 1 && i === 0;
              return (
                <tr>
                  <th scope="row">
                    {r.number}
                    {current ? <span class="muted small"> (current)</span> : null}
                    {r.note ? <div class="small muted">{r.note}</div> : null}
                  </th>
                  <td class="nowrap small">{formatTimestamp(r.at)}</td>
                  <td>{r.by}</td>
                  <td>{r.title}</td>
                  <td>
                    {current || !r.restoreHref ? null : (
                      <a href={r.restoreHref}>
                        Restore<span class="visually-hidden"> revision {r.number}</span>
                      </a>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <Pagination page={p.page} pages={p.pages} href={p.href} />
    </>
  );
}

/** The confirmation page's body before a restore: what happens, the button, a way back, and the version itself. */
export function RestoreConfirmation(p: {
  lead: string;
  action: string;
  csrf: string;
  back: string;
  backLabel: string;
  children: Child;
}) {
  return (
    <>
      <PageHeader title="Restore this version?" lead={p.lead} />
      <form method="post" action={p.action} class="form">
        <CsrfField token={p.csrf} />
        <p class="form-actions">
          <button class="button" type="submit">
            Restore this version
          </button>{" "}
          <a href={p.back}>{p.backLabel}</a>
        </p>
      </form>
      {p.children}
    </>
  );
}
