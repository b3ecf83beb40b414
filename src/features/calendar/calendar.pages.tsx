import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { personAllowedBy, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { personalCalendar } from "./calendar.feed.export.js";
import { canHaveCalendarFeed } from "./calendar.policy.js";
import {
  createFeedToken,
  liveFeedToken,
  personForFeedToken,
  revokeFeedToken,
} from "./calendar.tokens.service.js";
import { CalendarFeed, RevokeFeed } from "./views/calendar-feed.js";

/** The feed's path; the token is its only credential, so it is kept out of logs (see http/redact.ts). */
export const feedPath = (token: string) => `/feeds/calendar/${token}.ics`;

const subscriber = personAllowedBy(canHaveCalendarFeed);

/** The person's feed page; `fresh` is the token just created, whose address it shows once. */
async function feedPage(c: AppContext, fresh?: string) {
  const actor = requirePerson(c);
  const live = await liveFeedToken(c.var.deps.db, actor.id);
  const url = fresh ? `${c.var.deps.config.baseUrl.replace(/\/+$/, "")}${feedPath(fresh)}` : null;
  return renderPrivate(c, {
    title: "My calendar feed",
    body: () => (
      <CalendarFeed
        url={url}
        live={live}
        revoked={c.req.query("done") === "revoked"}
        csrf={c.var.csrfToken()}
      />
    ),
  });
}

async function calendarFeed(c: AppContext) {
  subscriber(c);
  return feedPage(c);
}

// The address is shown in the answer to the POST itself: never in a redirect URL, which would be logged.
const createFeed = async (c: AppContext) => feedPage(c, await createFeedToken(c.var.deps, requirePerson(c)));

async function confirmRevocation(c: AppContext) {
  requirePerson(c);
  return renderPrivate(c, {
    title: "Revoke calendar feed",
    body: () => <RevokeFeed csrf={c.var.csrfToken()} />,
  });
}

async function revokeFeed(c: AppContext) {
  await revokeFeedToken(c.var.deps, requirePerson(c));
  return c.redirect("/private/calendar?done=revoked", 303);
}

async function personalFeed(c: AppContext) {
  const token = (c.req.param("file") ?? "").replace(/\.ics$/, "");
  const owner = await personForFeedToken(c.var.deps.db, token);
  if (!owner) throw notFound("This calendar feed");
  const body = await personalCalendar(c.var.deps.db, owner, c.var.deps.config.baseUrl);
  return c.body(body, 200, {
    "Content-Type": "text/calendar; charset=utf-8",
    // Personal: never stored by shared caches (nor by our own page cache).
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer",
  });
}

/** The personal calendar feed: create (address shown once), revoke, and the feed itself. */
export const calendarPages = pageGroup([
  ["GET", "/private/calendar", calendarFeed],
  ["POST", "/private/calendar", createFeed],
  ["GET", "/private/calendar/revoke", confirmRevocation],
  ["POST", "/private/calendar/revoke", revokeFeed],
  ["GET", "/feeds/calendar/:file{[A-Za-z0-9_-]+\\.ics}", personalFeed],
]);
