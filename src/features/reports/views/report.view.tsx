import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { MembershipChart, MembershipTable } from "../../../web/charts/membership-chart.js";
import { PageHeader, TableScroll, Tag } from "../../../web/components.js";
import { renderMarkdown } from "../../../web/markdown.js";
import type { ReportDocument } from "../document/document.queries.js";
import {
  headingText,
  longDate,
  type RenderOptions,
  reportSections,
  type Section,
  yearFigures,
} from "../document/outline.export.js";

const Markdown = ({ text, empty }: { text: string; empty?: string }) =>
  text.trim() ? (
    <div class="prose">{raw(renderMarkdown(text))}</div>
  ) : (
    <p class="muted">{empty ?? "Not written yet."}</p>
  );

function Heading({ s, level }: { s: Section; level?: 2 | 3 }) {
  return (level ?? (s.level === 1 ? 2 : 3)) === 2 ? (
    <h2 id={s.id}>{headingText(s)}</h2>
  ) : (
    <h3 id={s.id}>{headingText(s)}</h3>
  );
}

function Contents({ sections }: { sections: Section[] }) {
  return (
    <nav aria-labelledby="contents-title" class="report-contents">
      <h2 id="contents-title">Contents</h2>
      <ol class="plain">
        {sections.map((s) => (
          <li class={s.level === 2 ? "indent" : undefined}>
            <a href={`#${s.id}`}>{headingText(s)}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A timeline of the year's meetings, written as SVG; the table below it holds the same facts. */
function MeetingsTimeline({ doc }: { doc: ReportDocument }) {
  const W = 720;
  const meetings = doc.data.meetings;
  const H = 40 + meetings.length * 22;
  const xOf = (iso: string) =>
    20 + ((Number(iso.slice(5, 7)) - 1 + (Number(iso.slice(8, 10)) - 1) / 31) / 12) * (W - 40);
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="meetings-chart-title">
      <title id="meetings-chart-title">
        Meetings of {doc.year} on a month axis:{" "}
        {meetings.map((m) => `${m.title}, ${longDate(m.date)}`).join("; ")}
      </title>
      <line x1={20} x2={W - 20} y1={24} y2={24} class="axis" />
      {"JFMAMJJASOND".split("").map((m, i) => (
        <text x={20 + ((i + 0.5) / 12) * (W - 40)} y={16} text-anchor="middle" class="axis-label">
          {m}
        </text>
      ))}
      {/* Every leader line first, so that a later meeting's line never crosses an earlier label. */}
      {meetings.map((m, i) => (
        <line x1={xOf(m.date)} x2={xOf(m.date)} y1={24} y2={44 + i * 22} class="grid" />
      ))}
      {meetings.map((m, i) => {
        const x = xOf(m.date);
        const y = 44 + i * 22;
        const right = x > W / 2;
        return (
          <g>
            {m.kind === "sam_meeting" ? (
              <circle cx={x} cy={y} r={5} class="bar" />
            ) : (
              <rect x={x - 5} y={y - 5} width={10} height={10} class="bar" />
            )}
            <text
              x={right ? x - 10 : x + 10}
              y={y + 4}
              text-anchor={right ? "end" : "start"}
              class="value-label"
            >
              {m.title} ({longDate(m.date)})
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Figures({ doc }: { doc: ReportDocument }) {
  const d = doc.data;
  return (
    <>
      <ul>
        {yearFigures(doc).map((f) => (
          <li>
            <a href={f.href}>{f.text}</a>
          </li>
        ))}
      </ul>
      {d.meetings.length > 0 ? (
        <figure>
          {/* On a phone the labels would shrink past reading: the timeline keeps its width and scrolls. */}
          <section class="chart-scroll" tabindex={0} aria-label={`Timeline of the meetings of ${doc.year}`}>
            <MeetingsTimeline doc={doc} />
          </section>
          <figcaption>
            Meetings of {doc.year}: circles for meetings of the heads of agency delegations, squares for
            workshops and other meetings.
          </figcaption>
        </figure>
      ) : null}
      <TableScroll label={`Meetings of ${doc.year}`}>
        <table>
          <caption>Meetings of {doc.year} and the agencies attending</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Meeting</th>
              <th scope="col">Place</th>
              <th scope="col">Attendance</th>
            </tr>
          </thead>
          <tbody>
            {d.meetings.map((m) => (
              <tr>
                <td>{longDate(m.date)}</td>
                <th scope="row">
                  <a href={m.href}>{m.title}</a>
                </th>
                <td>{m.place ?? "—"}</td>
                <td>
                  {m.attendance.count === null ? (
                    "not recorded"
                  ) : (
                    <a href={m.href}>
                      {m.attendance.count} agencies
                      {m.attendance.recorded ? `: ${m.attendance.agencies.join(", ")}` : ""}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function LinkList({
  items,
  empty,
}: {
  items: Array<{ title: string; href: string; date?: string | null }>;
  empty: string;
}) {
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul>
      {items.map((i) => (
        <li>
          <a href={i.href}>{i.title}</a>
          {i.date ? (
            <span class="muted"> · {longDate(i.date.length === 10 ? i.date : `${i.date}-01`)}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Members({ doc }: { doc: ReportDocument }) {
  const d = doc.data;
  return (
    <>
      <p>
        <a href={d.members.href}>{d.members.total} organisations</a> were members on {longDate(d.membersAsOf)}
        .
      </p>
      <dl class="report-members">
        {d.members.byCountry.map((c) => (
          <>
            <dt>{c.country}</dt>
            {c.members.map((m) => (
              <dd>
                <a href={m.href}>{m.name}</a> ({m.acronym})
              </dd>
            ))}
          </>
        ))}
      </dl>
      <figure>
        <MembershipChart years={d.growth} titleId="report-growth-title" />
        <figcaption>Members at the end of each year.</figcaption>
      </figure>
      <MembershipTable years={d.growth} />
    </>
  );
}

function Participation({ doc }: { doc: ReportDocument }) {
  return (
    <TableScroll label={`Participation in ${doc.year}`}>
      <table>
        <caption>
          Per agency in {doc.year}: meetings attended, review rounds answered (of {doc.data.roundsInYear}),
          actions owned and closed
        </caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Meetings attended</th>
            <th scope="col">Rounds answered</th>
            <th scope="col">Actions owned</th>
            <th scope="col">Actions closed</th>
          </tr>
        </thead>
        <tbody>
          {doc.data.participation.map((p) => (
            <tr>
              <th scope="row">
                <a href={p.href}>{p.agency}</a>
              </th>
              <td class="num">{p.meetingsAttended}</td>
              <td class="num">{p.roundsAnswered}</td>
              <td class="num">{p.actionsOwned}</td>
              <td class="num">{p.actionsClosed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Glance({ doc }: { doc: ReportDocument }) {
  const f = doc.forum;
  return (
    <>
      <Markdown text={f.purpose} />
      <h3>Principles</h3>
      <ul>
        {f.principles.map((p) => (
          <li>
            {p.title}
            <ul>
              {p.points.map((x) => (
                <li>{x}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <h3>Background</h3>
      <Markdown text={f.background} />
      {f.gesThemes.length ? (
        <ul>
          {f.gesThemes.map((t) => (
            <li>{t}</li>
          ))}
        </ul>
      ) : null}
      <h3>Contact</h3>
      <address>
        {[f.secretariat.name, ...f.secretariat.address].map((l) => (
          <>
            {l}
            <br />
          </>
        ))}
        <a href={`mailto:${f.secretariat.email}`}>{f.secretariat.email}</a>
      </address>
    </>
  );
}

/** The annual report as a web page, in the printed report's order; every figure links to its records. */
export function ReportView({
  doc,
  opts,
  actions,
}: {
  doc: ReportDocument;
  opts: RenderOptions;
  actions?: Child;
}) {
  const sections = reportSections(doc, opts);
  const s = (id: string) => sections.find((x) => x.id === id)!;
  const d = doc.data;
  return (
    <article class="wrap report">
      <PageHeader
        eyebrow={doc.forum.name}
        title={`Annual Report ${doc.year}`}
        lead={
          <>
            {doc.status === "draft" ? (
              <Tag tone="warn">Draft – not published</Tag>
            ) : (
              <Tag tone="ok">Published edition</Tag>
            )}{" "}
            <a href={`/reports/${doc.year}.pdf`}>PDF</a> · <a href={`/reports/${doc.year}.md`}>Markdown</a>
          </>
        }
        actions={actions}
      />
      <Markdown text={doc.texts.introduction || doc.forum.purpose} />
      <Contents sections={sections} />
      <section aria-labelledby="executive-summary">
        <Heading s={s("executive-summary")} />
        <Markdown text={doc.texts["executive-summary"]} />
      </section>
      <section aria-labelledby="highlights">
        <Heading s={s("highlights")} />
        <Markdown text={doc.texts.highlights} />
        <Heading s={s("year-in-figures")} />
        <Figures doc={doc} />
      </section>
      <section aria-labelledby="outlook">
        <Heading s={s("outlook")} />
        {doc.outlooks.length === 0 ? <p class="muted">No outlook has been written yet.</p> : null}
        {doc.outlooks.map((o) => (
          <>
            <h3>
              <a href={o.href}>{o.acronym ? `${o.title} (${o.acronym})` : o.title}</a>
            </h3>
            <Markdown text={o.body} />
          </>
        ))}
      </section>
      <section aria-labelledby="events">
        <Heading s={s("events")} />
        <Markdown text={doc.texts.events} empty="None recorded." />
      </section>
      <section aria-labelledby="annex-publications">
        <Heading s={s("annex-publications")} />
        <h3>Web news {doc.year}</h3>
        <LinkList items={d.news.map((n) => ({ ...n, date: null }))} empty="No news was posted." />
        <h3>Publications {doc.year}</h3>
        <LinkList
          items={d.publications.map((p) => ({ ...p, date: null }))}
          empty="No publication was posted."
        />
        {d.majorDocuments.length ? (
          <>
            <h3>Major documents</h3>
            <LinkList items={d.majorDocuments} empty="" />
            <p>
              More in the <a href="/publications">publications library</a>.
            </p>
          </>
        ) : null}
      </section>
      <section aria-labelledby="annex-members">
        <Heading s={s("annex-members")} />
        <Members doc={doc} />
      </section>
      <section aria-labelledby="annex-groups">
        <Heading s={s("annex-groups")} />
        {d.workingGroups.map((g) => (
          <>
            <h3>
              <a href={g.href}>{g.acronym ? `${g.title} (${g.acronym})` : g.title}</a>
            </h3>
            <Markdown text={g.purpose} />
          </>
        ))}
      </section>
      <section aria-labelledby="annex-glance">
        <Heading s={s("annex-glance")} />
        <Glance doc={doc} />
      </section>
      {opts.statistics ? (
        <section aria-labelledby="annex-participation">
          <Heading s={s("annex-participation")} />
          <Participation doc={doc} />
        </section>
      ) : null}
    </article>
  );
}
