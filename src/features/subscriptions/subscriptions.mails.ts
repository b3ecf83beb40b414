import type { Config } from "../../config.js";
import type { MailMessage } from "../mail/mail.outbox.service.js";
import { unsubscribeToken } from "./subscriptions.tokens.service.js";

type Cfg = Pick<Config, "baseUrl" | "sessionSecret">;
/** Whose news it is, in the forum's own words. */
type ForumName = { name: string; acronym: string };
type Subscriber = { id: number; email: string };

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

/** The address a subscriber's one-click unsubscribe link points to. */
export const unsubscribeUrl = (config: Cfg, id: number) =>
  `${config.baseUrl}/news/unsubscribe?token=${unsubscribeToken(config.sessionSecret, id)}`;

/** RFC 8058 one-click unsubscribe headers. */
function unsubscribeHeaders(config: Cfg, id: number): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(config, id)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

function footer(config: Cfg, id: number) {
  const url = unsubscribeUrl(config, id);
  return {
    text: `\n\n--\nYou receive this because this address was entered on ${config.baseUrl}/news/subscribe.\nUnsubscribe with one click: ${url}\n`,
    html: `<hr><p style="font-size:0.9em;color:#555">You receive this because this address was entered on our news page. <a href="${esc(url)}">Unsubscribe</a>.</p>`,
  };
}

function compose(
  config: Cfg,
  s: Subscriber,
  kind: string,
  subject: string,
  paragraphs: string[],
  link?: { url: string; label: string },
  dedupeKey?: string,
): MailMessage {
  const f = footer(config, s.id);
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : [])].join("\n\n") + f.text;
  const html = `<!doctype html><html><body>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join("")}${
    link ? `<p><a href="${esc(link.url)}">${esc(link.label)}</a></p>` : ""
  }${f.html}</body></html>`;
  return { kind, to: s.email, subject, text, html, headers: unsubscribeHeaders(config, s.id), dedupeKey };
}

/** The double opt-in mail: nothing else is sent until its link is followed. */
export function confirmationMail(config: Cfg, s: Subscriber, token: string, forum: ForumName): MailMessage {
  return compose(
    config,
    s,
    "subscription.confirm",
    `Confirm your subscription to ${forum.acronym} news`,
    [
      `Someone, probably you, asked to receive the news of the ${forum.name} at this address.`,
      "Please confirm within 7 days. If you did not ask for this, ignore this message and nothing more will be sent.",
    ],
    { url: `${config.baseUrl}/news/subscribe/confirm?token=${token}`, label: "Confirm your subscription" },
  );
}

/** Sent instead of a confirmation when the address already receives the news. */
export function alreadySubscribedMail(config: Cfg, s: Subscriber, forum: ForumName): MailMessage {
  return compose(config, s, "subscription.already", `You already receive ${forum.acronym} news`, [
    `Someone asked to subscribe this address to the news of the ${forum.name}. It is already subscribed, so nothing has changed.`,
  ]);
}

/** One article, for one confirmed subscriber; the dedupe key makes it go out once. */
export function articleMail(
  config: Cfg,
  s: Subscriber,
  a: { id: number; slug: string; title: string; summary: string },
): MailMessage {
  return compose(
    config,
    s,
    "news",
    a.title,
    [a.title, a.summary],
    { url: `${config.baseUrl}/news/${a.slug}`, label: "Read the article" },
    `news:${a.id}:${s.id}`,
  );
}
