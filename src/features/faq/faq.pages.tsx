import { Hono } from "hono";
import { raw } from "hono/html";
import type { AppEnv } from "../../http/env.js";
import { renderPage } from "../../http/page.js";
import { EmptyState, PageHeader } from "../../web/components.js";
import { loadForum } from "../../web/forum.js";
import { renderMarkdown } from "../../web/markdown.js";
import { faqAdminPages } from "./faq.admin.pages.js";
import { loadFaq } from "./faq.queries.js";

/** The public FAQ (an anchor per question) and the secretariat's editing pages. */
export function faqPages() {
  const app = new Hono<AppEnv>();

  app.get("/faq", async (c) => {
    const sections = (await loadFaq(c.var.deps.db)).filter((s) => s.questions.length > 0);
    return renderPage(c, {
      title: "FAQ",
      description: `Frequently asked questions about the ${(await loadForum(c.var.deps)).acronym}.`,
      body: () => (
        <div class="wrap prose-page">
          <PageHeader title="Frequently asked questions" />
          {sections.length === 0 ? (
            <EmptyState title="No questions yet." />
          ) : (
            <>
              <nav class="toc" aria-label="Sections">
                <ul>
                  {sections.map((s) => (
                    <li>
                      <a href={`#${s.slug}`}>{s.title}</a>
                    </li>
                  ))}
                </ul>
              </nav>
              {sections.map((s) => (
                <section id={s.slug} aria-labelledby={`${s.slug}-title`} class="faq-section">
                  <h2 id={`${s.slug}-title`}>{s.title}</h2>
                  {s.questions.map((q) => (
                    <article id={q.slug} class="faq-item">
                      <h3>
                        <a class="anchor" href={`#${q.slug}`}>
                          {q.question}
                        </a>
                      </h3>
                      <div class="prose">{raw(renderMarkdown(q.answer))}</div>
                    </article>
                  ))}
                </section>
              ))}
            </>
          )}
        </div>
      ),
    });
  });

  app.route("/", faqAdminPages());
  return app;
}
