import { CsrfField, EmptyState, TableScroll } from "../../../../web/components.js";
import type { AgendaFile, AgendaItem } from "../agenda.queries.js";

const kb = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
const fileKind = (type: string) => (type === "application/pdf" ? "PDF" : "presentation");

/** Where a file of a meeting is downloaded (members only). */
export const fileHref = (slug: string, f: { id: number }) => `/private/meetings/${slug}/files/${f.id}`;

/** When an item takes place: "09:30 · 45 min", either part, or nothing. */
export const itemWhen = (i: Pick<AgendaItem, "startTime" | "durationMinutes">) =>
  [i.startTime, i.durationMinutes ? `${i.durationMinutes} min` : null].filter(Boolean).join(" · ");

/** Who presents: "ESA (Jane Doe)", "ESA", "Jane Doe" or nothing. */
export const presenterText = (i: Pick<AgendaItem, "presenterAgency" | "presenterName">) =>
  i.presenterAgency && i.presenterName
    ? `${i.presenterAgency} (${i.presenterName})`
    : (i.presenterAgency ?? i.presenterName ?? "");

function FileList({ slug, files }: { slug: string; files: AgendaFile[] }) {
  if (!files.length) return <span class="muted">—</span>;
  return (
    <ul class="plain">
      {files.map((f) => (
        <li>
          <a href={fileHref(slug, f)}>{f.name}</a>{" "}
          <span class="small muted">
            ({fileKind(f.type)}, {kb(f.size)})
          </span>
        </li>
      ))}
    </ul>
  );
}

function MoveButton(p: {
  slug: string;
  item: AgendaItem;
  csrf: string;
  direction: "up" | "down";
  disabled: boolean;
}) {
  return (
    <form method="post" action={`/private/meetings/${p.slug}/agenda/${p.item.id}/move`} class="inline-form">
      <CsrfField token={p.csrf} />
      <input type="hidden" name="direction" value={p.direction} />
      <button class="link-button" type="submit" disabled={p.disabled}>
        {p.direction === "up" ? "Up" : "Down"}
        <span class="visually-hidden">: move {p.item.title}</span>
      </button>
    </form>
  );
}

/** The agenda as a table; managers get edit, move and remove controls on each row. */
export function AgendaTable(p: { slug: string; items: AgendaItem[]; manage: boolean; csrf: string }) {
  if (!p.items.length) return <EmptyState title="No agenda yet" />;
  return (
    <TableScroll label="Agenda">
      <table>
        <caption class="visually-hidden">Agenda</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Time</th>
            <th scope="col">Item</th>
            <th scope="col">Presenter</th>
            <th scope="col">Files</th>
            {p.manage ? (
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {p.items.map((item, n) => (
            <tr>
              <td>{n + 1}</td>
              <td class="nowrap">{itemWhen(item) || "—"}</td>
              <th scope="row">
                {item.title}
                {item.notes ? <p class="small muted">{item.notes}</p> : null}
              </th>
              <td>{presenterText(item) || "—"}</td>
              <td>
                <FileList slug={p.slug} files={item.files} />
              </td>
              {p.manage ? (
                <td>
                  <div class="row-actions">
                    <a href={`/private/meetings/${p.slug}/agenda/${item.id}`}>
                      Edit<span class="visually-hidden"> {item.title}</span>
                    </a>
                    <MoveButton slug={p.slug} item={item} csrf={p.csrf} direction="up" disabled={n === 0} />{" "}
                    <MoveButton
                      slug={p.slug}
                      item={item}
                      csrf={p.csrf}
                      direction="down"
                      disabled={n === p.items.length - 1}
                    />{" "}
                    <a href={`/private/meetings/${p.slug}/agenda/${item.id}/delete`}>
                      Remove<span class="visually-hidden"> {item.title}</span>
                    </a>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
