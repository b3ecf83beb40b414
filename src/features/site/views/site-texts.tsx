import { raw } from "hono/html";
import type { Forum } from "../../../web/forum.js";
import { renderMarkdown } from "../../../web/markdown.js";

/** The top of Home: the forum's name, its introduction and the two ways in. */
export function HomeHero({ forum }: { forum: Forum }) {
  return (
    <section class="hero">
      <div class="wrap">
        <p class="eyebrow">{forum.acronym}</p>
        <h1>{forum.name}</h1>
        <p class="lead">{forum.home.intro}</p>
        <p class="hero-actions">
          <a class="button" href="/about">
            About the forum
          </a>
          <a class="button button-quiet" href="/members">
            Meet the members
          </a>
        </p>
      </div>
    </section>
  );
}

/** Home's "What the forum does" cards. */
export function HomeHighlights({ forum }: { forum: Forum }) {
  return (
    <section class="wrap section" aria-labelledby="work">
      <h2 id="work">What the forum does</h2>
      <div class="cards">
        {forum.home.highlights.map((h) => (
          <article class="card">
            <h3>{h.title}</h3>
            <p>{h.text}</p>
          </article>
        ))}
      </div>
    </section>
  );
}

/** About's purpose, principles and background, as the secretariat wrote them. */
export function AboutSections({ forum }: { forum: Forum }) {
  const a = forum.about;
  return (
    <>
      <section id="purpose" class="prose">
        <h2>Purpose</h2>
        {raw(renderMarkdown(a.purpose))}
        {a.notGoverning ? <p class="callout">{a.notGoverning}</p> : null}
      </section>
      {a.principles.length ? (
        <section id="principles">
          <h2>Principles</h2>
          <div class="cards">
            {a.principles.map((p) => (
              <article class="card">
                <h3>{p.title}</h3>
                <ul>
                  {p.points.map((pt) => (
                    <li>{pt}</li>
                  ))}
                </ul>
              </article>
            ))}
          </div>
        </section>
      ) : null}
      <section id="background" class="prose">
        <h2>Background</h2>
        {raw(renderMarkdown(a.background))}
        {a.gesThemes.length ? (
          <>
            <h3>{a.themesTitle || "Themes"}</h3>
            <ul>
              {a.gesThemes.map((t) => (
                <li>{t}</li>
              ))}
            </ul>
          </>
        ) : null}
        <h3>Who can take part</h3>
        <p>{a.membershipRule}</p>
        <p>{a.publicInput}</p>
        <p>
          <a href="/contact">Write to the secretariat</a>: the form takes your message and any PDF files, and
          gives you a reference and a page showing where it stands.
        </p>
      </section>
    </>
  );
}
