import { raw } from "hono/html";
import { Tag } from "../../../../web/components.js";
import { renderMarkdown } from "../../../../web/markdown.js";
import type { Assessment } from "../../assessments/assessments.queries.js";
import { assessmentPeriod, assessmentStatusLabels } from "../../assessments/assessments.schemas.js";

/** One gap assessment's public page: its team, technologies and report, then its texts. */
export function AssessmentPage({ a }: { a: Assessment }) {
  const md = (s: string) => <div class="prose">{raw(renderMarkdown(s))}</div>;
  return (
    <div class="wrap member-page">
      <p class="breadcrumb">
        <a href="/technology">Advanced Technology</a> › Gap assessments
      </p>
      <h1>{a.title}</h1>
      <p class="tags">
        <Tag tone={a.status === "published" ? "ok" : "accent"}>{assessmentStatusLabels[a.status]}</Tag>
      </p>
      <dl class="details">
        <dt>Period</dt>
        <dd>{assessmentPeriod(a)}</dd>
        <dt>Team</dt>
        <dd>
          {a.agencies.length
            ? a.agencies.map((o, k) => (
                <>
                  {k ? ", " : ""}
                  <a href={`/members/${o.slug}`}>{o.acronym}</a>
                </>
              ))
            : "Not listed"}
        </dd>
        <dt>Technologies</dt>
        <dd>
          {a.technologies.length
            ? a.technologies.map((t) => `${t.code} ${t.title}`).join("; ")
            : "None linked"}
        </dd>
        <dt>Report</dt>
        <dd>
          {a.publication ? (
            <a href={`/publications/${a.publication.slug}`}>{a.publication.title}</a>
          ) : (
            "Not published yet"
          )}
        </dd>
      </dl>
      {a.scope ? (
        <section class="section" aria-labelledby="scope-heading">
          <h2 id="scope-heading">Scope</h2>
          {md(a.scope)}
        </section>
      ) : null}
      {a.findings ? (
        <section class="section" aria-labelledby="findings-heading">
          <h2 id="findings-heading">Findings</h2>
          {md(a.findings)}
        </section>
      ) : null}
      {a.recommendations ? (
        <section class="section" aria-labelledby="recs-heading">
          <h2 id="recs-heading">Recommendations</h2>
          {md(a.recommendations)}
        </section>
      ) : null}
    </div>
  );
}
