import { Hono } from "hono";
import { maskAddress } from "../../domain/redact-address.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { handleForm, str } from "../../http/forms.js";
import { authorize, requirePerson } from "../../http/guards.js";
import { clientAddress } from "../../http/middleware.js";
import { renderMessage, renderPage, renderPrivate } from "../../http/page.js";
import { CsrfField, ErrorSummary, Field, Notice, PageHeader } from "../../web/components.js";
import { canSeeSubscriberCounts } from "./subscriptions.policy.js";
import {
  confirmSubscription,
  findByConfirmToken,
  findByUnsubscribeToken,
  requestSubscription,
  subscriberCounts,
  unsubscribe,
} from "./subscriptions.service.js";

const notices: Record<string, string> = {
  sent: "Thank you. If this address can receive mail, a message is on its way to it. Follow the link in it to confirm; nothing else is sent until you do.",
  confirmed: "Your subscription is confirmed. You will receive each new article by e-mail.",
};

/** Pages with a per-browser form token must never be stored in the shared page cache. */
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
        <div class="wrap narrow">
          <p class="breadcrumb">
            <a href="/news">← All news</a>
          </p>
          <PageHeader
            title="Subscribe to the news"
            lead="Each new article of the forum, sent once to your inbox. We use your address for nothing else."
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <ErrorSummary errors={errors} message={message} />
          <form method="post" action="/news/subscribe" class="form" novalidate>
            <CsrfField token={c.var.csrfToken()} />
            <Field
              name="email"
              label="Your e-mail address"
              type="email"
              autocomplete="email"
              required
              value={values.email}
              errors={errors}
              hint="We send a link to confirm it is yours. Every mail has a one-click unsubscribe link."
            />
            <div class="form-actions">
              <button class="button" type="submit">
                Subscribe
              </button>
            </div>
          </form>
        </div>
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

/** Subscribe (double opt-in), confirm, and unsubscribe (one-click or from the page); counts for the secretariat. */
export function subscriptionPages() {
  const app = new Hono<AppEnv>();

  app.get("/news/subscribe", (c) => subscribeForm(c));

  app.post("/news/subscribe", (c) =>
    handleForm(
      c,
      async (body) => {
        await requestSubscription(c.var.deps, c.var.actor, body, clientAddress(c));
        return "/news/subscribe?done=sent";
      },
      (body, errors, message) => subscribeForm(c, { email: str(body.email) }, errors, message),
    ),
  );

  app.get("/news/subscribe/confirm", async (c) => {
    // Pages reached by a personal link are never shared through the page cache.
    noStore(c);
    const token = c.req.query("token");
    if (!(await findByConfirmToken(c.var.deps.db, token, c.var.deps.now()))) return badLink(c);
    return renderPage(c, {
      title: "Confirm your subscription",
      body: () => (
        <div class="wrap narrow">
          <PageHeader
            title="Confirm your subscription"
            lead="One more step: confirm that you want the news by e-mail."
          />
          <form method="post" action="/news/subscribe/confirm" class="form-actions">
            <CsrfField token={c.var.csrfToken()} />
            <input type="hidden" name="token" value={token} />
            <button class="button" type="submit">
              Confirm my subscription
            </button>
          </form>
        </div>
      ),
    });
  });

  app.post("/news/subscribe/confirm", async (c) => {
    const body = await c.req.parseBody();
    const ok = await confirmSubscription(c.var.deps, c.var.actor, String(body.token ?? ""));
    return ok ? c.redirect("/news/subscribe?done=confirmed", 303) : badLink(c);
  });

  app.get("/news/unsubscribe", async (c) => {
    noStore(c);
    const token = c.req.query("token") ?? "";
    const s = await findByUnsubscribeToken(c.var.deps, token);
    if (!s) return badLink(c);
    if (s.status === "unsubscribed")
      return messagePage(c, "You are unsubscribed", "This address receives no more news from us.");
    return renderPage(c, {
      title: "Unsubscribe from the news",
      body: () => (
        <div class="wrap narrow">
          <PageHeader
            title="Unsubscribe from the news?"
            lead={`No more news will be sent to ${maskAddress(s.email)}.`}
          />
          {/* Token-authenticated: this form needs no CSRF field (see csrfProtection). */}
          <form
            method="post"
            action={`/news/unsubscribe?token=${encodeURIComponent(token)}`}
            class="form-actions"
          >
            <button class="button button-danger" type="submit">
              Unsubscribe
            </button>
            <a href="/news">Keep receiving the news</a>
          </form>
        </div>
      ),
    });
  });

  // RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` here with the token in the address.
  app.post("/news/unsubscribe", async (c) => {
    const ok = await unsubscribe(c.var.deps, c.var.actor, c.req.query("token"));
    if (!ok) return badLink(c);
    return messagePage(c, "You are unsubscribed", "This address receives no more news from us.");
  });

  app.get("/private/subscribers", async (c) => {
    const actor = requirePerson(c);
    authorize(canSeeSubscriberCounts(actor), "Only the secretariat can see subscriber numbers.");
    const counts = await subscriberCounts(c.var.deps, actor);
    return renderPrivate(c, {
      title: "News subscribers",
      body: () => (
        <>
          <PageHeader
            title="News subscribers"
            lead="People who asked for the news by e-mail. Only numbers are shown: the addresses serve the news mail alone."
            actions={<a href="/private/outbox">E-mail outbox</a>}
          />
          <dl class="facts">
            <div>
              <dt>Confirmed</dt>
              <dd>{counts.confirmed}</dd>
            </div>
            <div>
              <dt>Waiting for confirmation</dt>
              <dd>{counts.pending}</dd>
            </div>
            <div>
              <dt>Unsubscribed</dt>
              <dd>{counts.unsubscribed}</dd>
            </div>
          </dl>
          <p class="section muted">
            Each newly published article is mailed once to every confirmed subscriber.
          </p>
        </>
      ),
    });
  });

  return app;
}
