import type { AppContext } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { handleForm, str } from "../../http/forms.js";
import { personAllowedBy } from "../../http/guards.js";
import { clientAddress } from "../../http/middleware.js";
import { renderMessage, renderPage, renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { canSeeSubscriberCounts } from "./subscriptions.policy.js";
import {
  confirmSubscription,
  findByConfirmToken,
  findByUnsubscribeToken,
  requestSubscription,
  subscriberCounts,
  unsubscribe,
} from "./subscriptions.service.js";
import {
  ConfirmSubscription,
  SubscribeForm,
  SubscriberCounts,
  Unsubscribe,
} from "./views/subscription-pages.js";

const notices: Record<string, string> = {
  sent: "Thank you. If this address can receive mail, a message is on its way to it. Follow the link in it to confirm; nothing else is sent until you do.",
  confirmed: "Your subscription is confirmed. You will receive each new article by e-mail.",
};

/** Pages with a per-browser form token, or reached by a personal link, are never stored in the shared page cache. */
const noStore = (c: AppContext) => c.header("Cache-Control", "no-store");

function subscribeForm(
  c: AppContext,
  values: { email?: string } = {},
  errors?: FieldErrors,
  message?: string,
) {
  noStore(c);
  return renderPage(
    c,
    {
      title: "Subscribe to the news",
      description: "Receive the forum's news by e-mail.",
      body: () => (
        <SubscribeForm
          csrf={c.var.csrfToken()}
          notice={notices[c.req.query("done") ?? ""]}
          email={values.email}
          {...{ errors, message }}
        />
      ),
    },
    errors ? 422 : 200,
  );
}

/** A short public page with one message, e.g. for an expired link. */
const messagePage = (c: AppContext, title: string, text: string, status: 200 | 404 = 200) =>
  renderMessage(c, { title, text, back: { href: "/news", label: "Back to the news" } }, status);

const badLink = (c: AppContext) =>
  messagePage(
    c,
    "This link does not work",
    "The link is not valid or has expired. You can subscribe again from the news page.",
    404,
  );

const unsubscribed = (c: AppContext) =>
  messagePage(c, "You are unsubscribed", "This address receives no more news from us.");

function subscribe(c: AppContext) {
  return handleForm(
    c,
    async (body) => {
      await requestSubscription(c.var.deps, c.var.actor, body, clientAddress(c));
      return "/news/subscribe?done=sent";
    },
    (body, errors, message) => subscribeForm(c, { email: str(body.email) }, errors, message),
  );
}

async function confirmationPage(c: AppContext) {
  noStore(c);
  const token = c.req.query("token");
  if (!(await findByConfirmToken(c.var.deps.db, token, c.var.deps.now()))) return badLink(c);
  return renderPage(c, {
    title: "Confirm your subscription",
    body: () => <ConfirmSubscription csrf={c.var.csrfToken()} token={token ?? ""} />,
  });
}

async function confirm(c: AppContext) {
  const body = await c.req.parseBody();
  const ok = await confirmSubscription(c.var.deps, c.var.actor, String(body.token ?? ""));
  return ok ? c.redirect("/news/subscribe?done=confirmed", 303) : badLink(c);
}

async function unsubscribePage(c: AppContext) {
  noStore(c);
  const token = c.req.query("token") ?? "";
  const s = await findByUnsubscribeToken(c.var.deps, token);
  if (!s) return badLink(c);
  if (s.status === "unsubscribed") return unsubscribed(c);
  return renderPage(c, {
    title: "Unsubscribe from the news",
    body: () => <Unsubscribe email={s.email} token={token} />,
  });
}

/** The page's button, and RFC 8058's one-click: mail clients POST here with the token in the address. */
async function unsubscribeNow(c: AppContext) {
  const ok = await unsubscribe(c.var.deps, c.var.actor, c.req.query("token"));
  return ok ? unsubscribed(c) : badLink(c);
}

const countReader = personAllowedBy(
  canSeeSubscriberCounts,
  "Only the secretariat can see subscriber numbers.",
);

async function subscriberNumbers(c: AppContext) {
  const actor = countReader(c);
  const counts = await subscriberCounts(c.var.deps, actor);
  return renderPrivate(c, { title: "News subscribers", body: () => <SubscriberCounts counts={counts} /> });
}

/** Subscribe (double opt-in), confirm, and unsubscribe (one-click or from the page); counts for the secretariat. */
export const subscriptionPages = pageGroup([
  ["GET", "/news/subscribe", (c) => subscribeForm(c)],
  ["POST", "/news/subscribe", subscribe],
  ["GET", "/news/subscribe/confirm", confirmationPage],
  ["POST", "/news/subscribe/confirm", confirm],
  ["GET", "/news/unsubscribe", unsubscribePage],
  ["POST", "/news/unsubscribe", unsubscribeNow],
  ["GET", "/private/subscribers", subscriberNumbers],
]);
