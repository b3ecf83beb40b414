import { EmptyState, Notice, PageHeader, Pagination } from "../../../web/components.js";
import type { InboxFilters, InboxRow } from "../inbox.queries.js";
import { AgencyTable, InboxFilterForm, TriageTable } from "./inbox-lists.js";

/** The inbox: the secretariat's triage list of all public input, or an agency's own inbox. */
export function InboxPage(p: {
  manage: boolean;
  /** The agency's acronym, for a member's inbox. */
  acronym: string | null;
  csvHref: string;
  notice: string | undefined;
  f: InboxFilters;
  topics: string[];
  rows: InboxRow[];
  total: number;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const { manage, rows, total } = p;
  const filtered = Object.values(p.f).some(Boolean);
  return (
    <>
      <PageHeader
        title={manage ? "Inbox: public input" : `${p.acronym}'s inbox`}
        lead={
          manage
            ? "Messages from academia, industry and the public, once their senders confirmed them. Triage each: forward it to the agencies, ask for more, or close it."
            : "Input from academia, industry and the public that the secretariat passed on to your agency for its consideration."
        }
        actions={
          manage ? (
            <>
              <a href={p.csvHref}>Download as CSV</a> <a href="/private/inbox/settings">Settings</a>
            </>
          ) : null
        }
      />
      <Notice text={p.notice} />
      <InboxFilterForm f={p.f} topics={p.topics} />
      <p class="muted" role="status">
        {total === 1 ? "1 message" : `${total} messages`}.
      </p>
      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No message matches these filters." : "No messages yet."}>
          {filtered ? (
            <a href="/private/inbox">Show every message</a>
          ) : manage ? (
            "Messages sent from /contact appear here once their senders confirm them."
          ) : (
            "The secretariat has not forwarded anything to your agency yet."
          )}
        </EmptyState>
      ) : manage ? (
        <TriageTable rows={rows} />
      ) : (
        <AgencyTable rows={rows as Parameters<typeof AgencyTable>[0]["rows"]} acronym={p.acronym ?? ""} />
      )}
      <Pagination page={p.page} pages={p.pages} href={p.href} />
    </>
  );
}
