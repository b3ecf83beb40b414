import { EmptyState, Notice, PageHeader, Pagination } from "../../../web/components.js";
import type { MeetingListItem } from "../meetings.queries.js";
import { MeetingTable } from "./meeting-table.js";

/** The private list of meetings, members-only ones included, newest first, a page at a time. */
export function MeetingList(p: {
  canPlan: boolean;
  secretariat: boolean;
  notice: string | undefined;
  items: MeetingListItem[];
  total: number;
  page: number;
  pages: number;
  perPage: number;
}) {
  return (
    <>
      <PageHeader
        title="Meetings"
        lead="Every meeting, members-only ones included. Video links are on each meeting's page."
        actions={
          p.canPlan ? (
            <a class="button" href="/private/meetings/new">
              Plan a meeting
            </a>
          ) : null
        }
      />
      <Notice text={p.notice} />
      <p class="muted" role="status">
        {p.total === 1 ? "1 meeting" : `${p.total} meetings`}
        {p.pages > 1 ? `, newest first, ${p.perPage} a page` : ""}.
      </p>
      {p.items.length === 0 ? (
        <EmptyState title="No meetings yet." />
      ) : (
        <MeetingTable items={p.items} secretariat={p.secretariat} />
      )}
      <Pagination
        page={p.page}
        pages={p.pages}
        href={(n) => (n > 1 ? `/private/meetings?page=${n}` : "/private/meetings")}
      />
    </>
  );
}
