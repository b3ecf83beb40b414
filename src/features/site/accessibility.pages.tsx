import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/env.js";
import { renderPage } from "../../http/page.js";
import { PageHeader, TableScroll } from "../../web/components.js";
import { formatPartialDate } from "../../web/format.js";
import { plural } from "../../web/words.js";

/** What the browser suite's accessibility checks found, written by its last run (tests/e2e/axe-log.ts). */
const resultsSchema = z.object({
  tool: z.string(),
  standard: z.string(),
  pages: z.array(
    z.object({ path: z.string(), label: z.string(), violations: z.number(), testedOn: z.string() }),
  ),
});
type Results = z.infer<typeof resultsSchema>;

function readResults(): Results | null {
  try {
    const raw = readFileSync(new URL("./accessibility-results.json", import.meta.url), "utf8");
    return resultsSchema.parse(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** The accessibility statement, as public bodies publish one: what was tested, what is known, whom to tell. */
export function accessibilityPages() {
  const app = new Hono<AppEnv>();
  const results = readResults();
  app.get("/accessibility", (c) =>
    renderPage(c, {
      title: "Accessibility",
      description: "How accessible this site is, how it was tested, and how to report a problem.",
      body: (ctx) => (
        <div class="wrap prose-page">
          <PageHeader
            eyebrow="About this site"
            title="Accessibility statement"
            lead={`The ${ctx.forum.name} wants everyone to be able to use this site, whatever their abilities and whatever device or assistive technology they use.`}
          />
          <div class="prose">
            <Conformance results={results} />
            <h2>What we do</h2>
            <ul>
              <li>
                Every page starts with a link that skips to its content and is built to work with a keyboard
                alone.
              </li>
              <li>Pages follow the reader's light or dark setting and fit a phone's screen.</li>
              <li>
                Charts come with the same figures as a table, and every form field has a label and a clear
                message when something is wrong.
              </li>
              <li>Nothing depends on JavaScript.</li>
            </ul>
            <h2>Known limitations</h2>
            <ul>
              <li>
                Some documents in the publications library are PDF files made by others before this site; they
                may not be tagged for screen readers. Ask us and we will help with their content.
              </li>
              <li>
                Automated checks find only part of the problems people meet; no full manual audit has been
                made yet.
              </li>
            </ul>
            <h2>Tell us about a problem</h2>
            <p>
              If something on this site is hard to use, or you need a document in another format, write to{" "}
              {ctx.forum.secretariat.email ? (
                <a href={`mailto:${ctx.forum.secretariat.email}`}>{ctx.forum.secretariat.email}</a>
              ) : (
                "the secretariat"
              )}{" "}
              or use the <a href="/contact">contact form</a>. Say which page and what happened; we answer
              within ten working days.
            </p>
          </div>
          {results ? <TestedPages results={results} /> : null}
        </div>
      ),
    }),
  );
  return app;
}

function Conformance({ results }: { results: Results | null }) {
  if (!results || results.pages.length === 0) {
    return <p>This site has not been tested for accessibility yet.</p>;
  }
  const failing = results.pages.filter((p) => p.violations > 0);
  const last = results.pages
    .map((p) => p.testedOn)
    .sort()
    .at(-1)!;
  return (
    <>
      <h2>How far the site conforms</h2>
      <p>
        This site partially conforms to {results.standard}. On {formatPartialDate(last, "day")} the browser
        tests checked {plural(results.pages.length, "page")} with {results.tool}
        {failing.length === 0
          ? ", and found no problem on any of them."
          : `; ${plural(failing.length, "page")} had problems, listed below, which we are fixing.`}{" "}
        "Partially" because automated tests cannot judge everything the guidelines ask.
      </p>
    </>
  );
}

function TestedPages({ results }: { results: Results }) {
  return (
    <section aria-labelledby="tested">
      <h2 id="tested">Pages tested</h2>
      <TableScroll label="Pages tested">
        <table>
          <caption class="visually-hidden">Pages checked automatically, and what was found</caption>
          <thead>
            <tr>
              <th scope="col">Page</th>
              <th scope="col">Tested on</th>
              <th scope="col">Problems found</th>
            </tr>
          </thead>
          <tbody>
            {results.pages.map((p) => (
              <tr>
                <th scope="row">
                  {/^https?:/.test(p.label) ? p.path : p.label}
                  {p.path.startsWith("/private") ? " (private area)" : null}
                </th>
                <td>{formatPartialDate(p.testedOn, "day")}</td>
                <td class="num">{p.violations === 0 ? "None" : p.violations}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
