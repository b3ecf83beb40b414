import type { Child } from "hono/jsx";
import { stylesheetUrl } from "../web/assets.js";
import { PageHeader } from "../web/components.js";
import { loadForum } from "../web/forum.js";
import { type FeedLink, Layout, type OpenGraph, type PageContext } from "../web/layout.js";
import { PrivateShell } from "../web/private-layout.js";
import type { AppContext } from "./env.js";

/** Gathers what the page shell needs for this request. */
export async function pageContext(c: AppContext): Promise<PageContext> {
  const deps = c.var.deps;
  // An error raised before the actor is known (a body over the limit, a malformed address) still
  // gets a page: the visitor's.
  const actor = c.var.actor ?? { kind: "visitor", requestId: c.var.requestId };
  return {
    actor,
    forum: await loadForum(deps),
    path: c.req.path,
    // Only signed-in pages carry a token in the shell (the sign-out form); visitor pages stay cacheable.
    csrf: actor.kind === "person" ? c.var.csrfToken() : undefined,
    baseUrl: deps.config.baseUrl,
    stylesheet: stylesheetUrl,
  };
}

/** Renders a page inside the site layout. */
export async function renderPage(
  c: AppContext,
  page: {
    title: string;
    description?: string;
    og?: OpenGraph;
    feeds?: FeedLink[];
    body: (ctx: PageContext) => Child;
  },
  status: 200 | 404 | 422 | 403 | 429 | 500 | 503 = 200,
) {
  const ctx = await pageContext(c);
  return c.html(
    <Layout ctx={ctx} title={page.title} description={page.description} og={page.og} feeds={page.feeds}>
      {page.body(ctx)}
    </Layout>,
    status,
  );
}

/** Renders a page of the private area (inside the private menu). */
export function renderPrivate(
  c: AppContext,
  page: { title: string; body: (ctx: PageContext) => Child },
  status: 200 | 422 = 200,
) {
  return renderPage(
    c,
    { title: page.title, body: (ctx) => <PrivateShell ctx={ctx}>{page.body(ctx)}</PrivateShell> },
    status,
  );
}

/** A short public page with one message and one way back, e.g. after a link in a mail was followed. */
export function renderMessage(
  c: AppContext,
  m: { title: string; text: string; back: { href: string; label: string } },
  status: 200 | 404 = 200,
) {
  return renderPage(
    c,
    {
      title: m.title,
      body: () => (
        <div class="wrap narrow">
          <PageHeader title={m.title} />
          <p>{m.text}</p>
          <p>
            <a href={m.back.href}>{m.back.label}</a>
          </p>
        </div>
      ),
    },
    status,
  );
}
