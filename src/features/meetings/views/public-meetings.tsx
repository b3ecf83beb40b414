import { EmptyState, PageHeader, Pagination } from "../../../web/components.js";
import type { MeetingListItem } from "../meetings.queries.js";
import { MeetingCard } from "./meeting.js";

/** The public list: upcoming meetings on the first page, then past ones a page at a time. */
export function PublicMeetings(p: {
  upcoming: MeetingListItem[];
  past: MeetingListItem[];
  page: number;
  pages: number;
}) {
  return (
    <div class="wrap">
      <PageHeader
        eyebrow="Meetings"
        title="Meetings"
        lead="Senior Agency Managers (SAM) meetings, workshops and group meetings, with their summaries."
        actions={
          <p class="feed-links small">
            Subscribe: <a href="/feeds/meetings.ics">calendar feed (iCalendar)</a>
          </p>
        }
      />
      {p.page === 1 ? (
        <section class="section" aria-labelledby="upcoming">
          <h2 id="upcoming">Upcoming</h2>
          {p.upcoming.length ? (
            <div class="meeting-list">
              {p.upcoming.map((m) => (
                <MeetingCard m={m} />
              ))}
            </div>
          ) : (
            <EmptyState title="No upcoming meetings announced" />
          )}
        </section>
      ) : null}
      <section class="section" aria-labelledby="past">
        <h2 id="past">Past meetings</h2>
        {p.past.length ? (
          <div class="meeting-list">
            {p.past.map((m) => (
              <MeetingCard m={m} />
            ))}
          </div>
        ) : (
          <EmptyState title="No past meetings recorded" />
        )}
        <Pagination page={p.page} pages={p.pages} href={(n) => `/meetings?page=${n}`} />
      </section>
    </div>
  );
}
