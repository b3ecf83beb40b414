import { TableScroll } from "../../../web/components.js";
import { formatPartialDate } from "../../../web/format.js";
import type { Forum } from "../../../web/forum.js";
import type { listChairTerms } from "../../directory/directory.queries.js";
import { AboutSections } from "./site-texts.js";

export type ChairRow = Awaited<ReturnType<typeof listChairTerms>>[number];

/** About: the forum's purpose, principles and background, then who chaired it and its secretariat. */
export function AboutPage({ forum, chairs }: { forum: Forum; chairs: ChairRow[] }) {
  const s = forum.secretariat;
  return (
    <div class="wrap prose-page">
      <div class="page-header">
        <div>
          <p class="eyebrow">About</p>
          <h1>About {forum.acronym}</h1>
          <p class="lead">{forum.tagline}</p>
        </div>
      </div>
      <nav class="toc" aria-label="On this page">
        <ul>
          <li>
            <a href="#purpose">Purpose</a>
          </li>
          <li>
            <a href="#principles">Principles</a>
          </li>
          <li>
            <a href="#background">Background</a>
          </li>
          <li>
            <a href="#chair">Chair and secretariat</a>
          </li>
        </ul>
      </nav>
      <AboutSections forum={forum} />
      <section id="chair">
        <h2>Chair and secretariat</h2>
        <p>The chair rotates among member agencies. {s.note}</p>
        <ChairTable chairs={chairs} />
      </section>
    </div>
  );
}

function ChairTable({ chairs }: { chairs: ChairRow[] }) {
  return (
    <TableScroll label="Chairing agencies over time">
      <table>
        <caption>Chairing agencies over time</caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
          </tr>
        </thead>
        <tbody>
          {[...chairs].reverse().map(({ term, acronym, slug }) => (
            <tr>
              <th scope="row">
                <a href={`/members/${slug}`}>{acronym}</a>
                {term.person ? <span class="muted"> · {term.person}</span> : null}
              </th>
              <td>{formatPartialDate(term.startsOn, term.startPrecision)}</td>
              <td>
                {term.endsOn && term.endPrecision
                  ? formatPartialDate(term.endsOn, term.endPrecision)
                  : "present"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
