import { PageHeader, TableScroll } from "../../../web/components.js";
import { formatPartialDate } from "../../../web/format.js";
import type { Forum } from "../../../web/forum.js";
import { plural } from "../../../web/words.js";
import type { AccessibilityResults as Results } from "../accessibility.pages.js";

/** The accessibility statement, as public bodies publish one: what was tested, what is known, whom to tell. */
export function AccessibilityStatement({ forum, results }: { forum: Forum; results: Results | null }) {
  return (
    <div class="wrap prose-page">
      <PageHeader
        eyebrow="About this site"
        title="Accessibility statement"
        lead={`The ${forum.name} wants everyone to be able to use this site, whatever their abilities and whatever device or assistive technology they use.`}
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
            Charts come with the same figures as a table, and every form field has a label and a clear message
            when something is wrong.
          </li>
          <li>Nothing depends on JavaScript.</li>
        </ul>
        <h2>Known limitations</h2>
        <ul>
          <li>
            Some documents in the publications library are PDF files made by others before this site; they may
            not be tagged for screen readers. Ask us and we will help with their content.
          </li>
          <li>
            Automated checks find only part of the problems people meet; no full manual audit has been made
            yet.
          </li>
        </ul>
        <h2>Tell us about a problem</h2>
        <p>
          If something on this site is hard to use, or you need a document in another format, write to{" "}
          {forum.secretariat.email ? (
            <a href={`mailto:${forum.secretariat.email}`}>{forum.secretariat.email}</a>
          ) : (
            "the secretariat"
          )}{" "}
          or use the <a href="/contact">contact form</a>. Say which page and what happened; we answer within
          ten working days.
        </p>
      </div>
      {results ? <TestedPages results={results} /> : null}
    </div>
  );
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
