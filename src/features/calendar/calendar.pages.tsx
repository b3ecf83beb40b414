import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { authorize, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { CsrfField, Notice, PageHeader } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { personalCalendar } from "./calendar.feed.export.js";
import { canHaveCalendarFeed } from "./calendar.policy.js";
import {
  createFeedToken,
  liveFeedToken,
  personForFeedToken,
  revokeFeedToken,
} from "./calendar.tokens.service.js";

/** The feed's path; the token is its only credential, so it is kept out of logs (see http/redact.ts). */
export const feedPath = (token: string) => `/feeds/calendar/${token}.ics`;

/** The personal calendar feed: create (address shown once), revoke, and the feed itself. */
export function calendarPages() {
  const app = new Hono<AppEnv>();

  const page = async (c: AppContext, fresh?: string) => {
    const actor = requirePerson(c);
    const live = await liveFeedToken(c.var.deps.db, actor.id);
    const url = fresh ? `${c.var.deps.config.baseUrl.replace(/\/+$/, "")}${feedPath(fresh)}` : null;
    return renderPrivate(c, {
      title: "My calendar feed",
      body: () => (
        <>
          <PageHeader
            title="My calendar feed"
            lead="A private address your calendar application can subscribe to: every meeting you may see, private ones and video links included, at the right time in your own time zone."
          />
          <Notice
            text={
              c.req.query("done") === "revoked" ? "The feed was revoked: its address no longer works." : null
            }
          />
          {url ? (
            <div class="callout" role="status">
              <p>
                <strong>Your feed address.</strong> Copy it now into your calendar application: it is shown
                only once, and anyone who has it sees your meetings.
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
            <CsrfField token={c.var.csrfToken()} />
            <p class="form-actions">
              <button class="button" type="submit">
                {live ? "Create a new address (the old one stops working)" : "Create my feed address"}
              </button>
              {live ? <a href="/private/calendar/revoke">Revoke my feed address</a> : null}
            </p>
          </form>
        </>
      ),
    });
  };

  app.get("/private/calendar", async (c) => {
    authorize(canHaveCalendarFeed(requirePerson(c)));
    return page(c);
  });

  // The address is shown in the answer to the POST itself: never in a redirect URL, which would be logged.
  app.post("/private/calendar", async (c) => page(c, await createFeedToken(c.var.deps, requirePerson(c))));

  app.get("/private/calendar/revoke", async (c) => {
    requirePerson(c);
    return renderPrivate(c, {
      title: "Revoke calendar feed",
      body: () => (
        <>
          <PageHeader
            title="Revoke your calendar feed?"
            lead="Calendar applications subscribed to it stop receiving your meetings. You can create a new address afterwards."
          />
          <form method="post" action="/private/calendar/revoke" class="form">
            <CsrfField token={c.var.csrfToken()} />
            <p class="form-actions">
              <button class="button button-danger" type="submit">
                Revoke feed
              </button>
              <a href="/private/calendar">Keep it</a>
            </p>
          </form>
        </>
      ),
    });
  });

  app.post("/private/calendar/revoke", async (c) => {
    await revokeFeedToken(c.var.deps, requirePerson(c));
    return c.redirect("/private/calendar?done=revoked", 303);
  });

  app.get("/feeds/calendar/:file{[A-Za-z0-9_-]+\\.ics}", async (c) => {
    const token = c.req.param("file").replace(/\.ics$/, "");
    const owner = await personForFeedToken(c.var.deps.db, token);
    if (!owner) throw notFound("This calendar feed");
    const body = await personalCalendar(c.var.deps.db, owner, c.var.deps.config.baseUrl);
    return c.body(body, 200, {
      "Content-Type": "text/calendar; charset=utf-8",
      // Personal: never stored by shared caches (nor by our own page cache).
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    });
  });

  return app;
}
