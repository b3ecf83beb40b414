import type { Child } from "hono/jsx";
import type { Actor } from "../http/actor.js";
import { type Forum, logoPath } from "./forum.js";
import { navSections } from "./nav.js";

/** Everything the shell of a page needs, gathered by the handler. */
export type PageContext = {
  actor: Actor;
  forum: Forum;
  path: string;
  /** CSRF token for forms (the sign-out button); absent on cached visitor pages. */
  csrf?: string;
  baseUrl: string;
  stylesheet: string;
};

type LayoutProps = {
  ctx: PageContext;
  title: string;
  description?: string;
  /** Open Graph details for pages worth sharing (articles); og:title/description/url come from the page. */
  og?: OpenGraph;
  /** Feeds this page announces besides the news feeds (e.g. the publication feeds on /publications). */
  feeds?: FeedLink[];
  children: Child;
};

/** A feed announced with `<link rel="alternate">` for feed readers' autodiscovery. */
export type FeedLink = { type: string; title: string; href: string };

/** What a shared link previews: the kind of page and, when there is one, its image. */
export type OpenGraph = { type: "article" | "website"; image?: string | null; imageAlt?: string | null };

const isCurrent = (path: string, href: string) => (href === "/" ? path === "/" : path.startsWith(href));

/** The public site's shell: skip link, header with navigation, main content, footer. */
export function Layout({ ctx, title, description, og, feeds, children }: LayoutProps) {
  const fullTitle = title ? `${title} · ${ctx.forum.acronym}` : ctx.forum.name;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="canonical" href={`${ctx.baseUrl}${ctx.path}`} />
        <OpenGraphTags
          og={og ?? { type: "website" }}
          title={title || ctx.forum.name}
          siteName={ctx.forum.name}
          description={description}
          url={`${ctx.baseUrl}${ctx.path}`}
        />
        <link rel="alternate" type="application/atom+xml" title="News (Atom)" href="/feeds/news.atom" />
        <link rel="alternate" type="application/rss+xml" title="News (RSS)" href="/feeds/news.rss" />
        {(feeds ?? []).map((f) => (
          <link rel="alternate" type={f.type} title={f.title} href={f.href} />
        ))}
        <link rel="stylesheet" href={ctx.stylesheet} />
        <link rel="icon" href="/assets/icon.svg" type="image/svg+xml" />
        <meta name="color-scheme" content="light dark" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              {ctx.forum.logo ? (
                <img class="brand-logo" src={logoPath(ctx.forum.logo)} alt="" height="40" />
              ) : (
                <span class="brand-mark" aria-hidden="true">
                  {ctx.forum.acronym}
                </span>
              )}
              <span class="brand-name">{ctx.forum.name}</span>
            </a>
            {ctx.path === "/search" ? null : <SiteSearch />}
            <AccountLinks ctx={ctx} />
            <details class="nav-menu">
              <summary class="button button-quiet">Menu</summary>
              <nav aria-label="Main menu">
                <NavLinks ctx={ctx} />
                <AccountLinks ctx={ctx} />
              </nav>
            </details>
          </div>
          <nav class="site-nav" aria-label="Main">
            <NavLinks ctx={ctx} class="wrap" />
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <Footer ctx={ctx} />
      </body>
    </html>
  );
}

/** The public sections: a strip on wide screens, the list behind the Menu button on phones. */
function NavLinks({ ctx, class: cls }: { ctx: PageContext; class?: string }) {
  return (
    <ul class={cls}>
      {navSections(ctx.forum.nav).map((s) => (
        <li>
          <a href={s.href} aria-current={isCurrent(ctx.path, s.href) ? "page" : undefined}>
            {s.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

function OpenGraphTags(p: {
  og: OpenGraph;
  title: string;
  siteName: string;
  description?: string;
  url: string;
}) {
  return (
    <>
      <meta property="og:type" content={p.og.type} />
      <meta property="og:site_name" content={p.siteName} />
      <meta property="og:title" content={p.title} />
      {p.description ? <meta property="og:description" content={p.description} /> : null}
      <meta property="og:url" content={p.url} />
      {p.og.image ? <meta property="og:image" content={p.og.image} /> : null}
      {p.og.image && p.og.imageAlt ? <meta property="og:image:alt" content={p.og.imageAlt} /> : null}
    </>
  );
}

/** The compact search field in the header; the search page has its own form instead. */
function SiteSearch() {
  return (
    <search class="site-search" aria-label="Site">
      <form method="get" action="/search">
        <label for="site-search-q" class="visually-hidden">
          Search the site
        </label>
        <input
          type="search"
          id="site-search-q"
          name="q"
          maxlength={200}
          placeholder="Search missions, members, news…"
        />
        <button class="button button-quiet" type="submit">
          Search
        </button>
      </form>
    </search>
  );
}

function AccountLinks({ ctx }: { ctx: PageContext }) {
  if (ctx.actor.kind !== "person") {
    return (
      <a class="button button-quiet" href="/sign-in">
        Private area
      </a>
    );
  }
  return (
    <div class="account">
      <a href="/private">Private area</a>
      <form method="post" action="/sign-out">
        <input type="hidden" name="_csrf" value={ctx.csrf ?? ""} />
        <button class="link-button" type="submit">
          Sign out
        </button>
      </form>
    </div>
  );
}

function Footer({ ctx }: { ctx: PageContext }) {
  const s = ctx.forum.secretariat;
  return (
    <footer class="site-footer">
      <div class="wrap footer-grid">
        <div>
          <p class="footer-title">{s.name}</p>
          <address>
            {s.address.map((line) => (
              <>
                {line}
                <br />
              </>
            ))}
            {s.email ? <a href={`mailto:${s.email}`}>{s.email}</a> : null}
          </address>
        </div>
        <ul class="footer-links">
          <li>
            <a href="/about">About the forum</a>
          </li>
          <li>
            <a href="/contact">Write to the secretariat</a>
          </li>
          <li>
            <a href="/members">Members</a>
          </li>
          <li>
            <a href="/api">API reference</a>
          </li>
          <li>
            <a href="/accessibility">Accessibility</a>
          </li>
          <li>
            <a href="/sign-in">Private area</a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
