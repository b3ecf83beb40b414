import { EmptyState, Tag } from "../../../web/components.js";
import { plural } from "../../../web/words.js";
import type { WaitingItem } from "../waiting.queries.js";
import { waitingCount } from "../waiting.service.js";

const DAY = 86_400_000;

/** How long something has been waiting, in words: "today", "1 day", "3 weeks" … */
export function age(since: Date, now: Date): string {
  const days = Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY));
  if (days === 0) return "since today";
  if (days < 14) return `for ${plural(days, "day")}`;
  if (days < 60) return `for ${plural(Math.floor(days / 7), "week")}`;
  if (days < 730) return `for ${plural(Math.floor(days / 30), "month")}`;
  return `for ${plural(Math.floor(days / 365), "year")}`;
}

/** One list of waiting items, oldest first (overdue on top), each with its age and a link. */
export function WaitingList(p: {
  id: string;
  title: string;
  items: WaitingItem[];
  now: Date;
  empty: string;
}) {
  return (
    <section class="section waiting" aria-labelledby={p.id}>
      <h2 id={p.id}>
        {p.title} {p.items.length ? <span class="muted">({waitingCount(p.items)})</span> : null}
      </h2>
      {p.items.length === 0 ? (
        <EmptyState title={p.empty} />
      ) : (
        <ol class="plain waiting-list">
          {p.items.map((i) => (
            <li class={i.overdue ? "waiting-item overdue" : "waiting-item"} data-kind={i.kind}>
              <a href={i.href}>{i.title}</a> {i.overdue ? <Tag tone="warn">Overdue</Tag> : null}
              <br />
              <span class="small muted">
                {i.undated ? i.detail : `${i.detail} · waiting ${age(i.since, p.now)}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
