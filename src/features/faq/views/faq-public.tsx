import { raw } from "hono/html";
import { EmptyState, PageHeader } from "../../../web/components.js";
import { renderMarkdown } from "../../../web/markdown.js";
import type { loadFaq } from "../faq.queries.js";

type Section = Awaited<ReturnType<typeof loadFaq>>[number];

/** The public FAQ: a list of sections, then each question under an anchor of its own. */
export function FaqPage({ sections }: { sections: Section[] }) {
  return (
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
  );
}
