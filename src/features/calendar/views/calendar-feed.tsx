import { CsrfField, Notice, PageHeader } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";

/** The person's feed: whether they have an address, and a new one shown once, just after it was made. */
export function CalendarFeed(p: {
  /** The address just created; never stored, so never shown again. */
  url: string | null;
  live: { createdAt: Date } | undefined;
  revoked: boolean;
  csrf: string;
}) {
  const { url, live } = p;
  return (
    <>
      <PageHeader
        title="My calendar feed"
        lead="A private address your calendar application can subscribe to: every meeting you may see, private ones and video links included, at the right time in your own time zone."
      />
      <Notice text={p.revoked ? "The feed was revoked: its address no longer works." : null} />
      {url ? (
        <div class="callout" role="status">
          <p>
            <strong>Your feed address.</strong> Copy it now into your calendar application: it is shown only
            once, and anyone who has it sees your meetings.
          </p>
          <p>
            <label for="feed-url">Feed address</label>
            <input id="feed-url" type="text" readonly value={url} />
          </p>
        </div>
      ) : null}
      <p>
        {live
          ? `You have a feed address, created ${formatTimestamp(live.createdAt)}.`
          : "You have no feed address yet."}
      </p>
      <form method="post" action="/private/calendar" class="form">
        <CsrfField token={p.csrf} />
        <p class="form-actions">
          <button class="button" type="submit">
            {live ? "Create a new address (the old one stops working)" : "Create my feed address"}
          </button>
          {live ? <a href="/private/calendar/revoke">Revoke my feed address</a> : null}
        </p>
      </form>
    </>
  );
}

/** Asks before the feed's address stops working. */
export function RevokeFeed({ csrf }: { csrf: string }) {
  return (
    <>
      <PageHeader
        title="Revoke your calendar feed?"
        lead="Calendar applications subscribed to it stop receiving your meetings. You can create a new address afterwards."
      />
      <form method="post" action="/private/calendar/revoke" class="form">
        <CsrfField token={csrf} />
        <p class="form-actions">
          <button class="button button-danger" type="submit">
            Revoke feed
          </button>
          <a href="/private/calendar">Keep it</a>
        </p>
      </form>
    </>
  );
}
