import type { Destination, MissionStatus } from "../../../db/schema/index.js";
import { type EditionDiff, isEmptyDiff } from "../../../domain/edition-diff.js";
import { describeAtPrecision } from "../../../domain/mission-dates.js";
import { EmptyState, TableScroll, Tag } from "../../../web/components.js";
import { destinationLabels, statusLabels } from "../../roadmap/roadmap.schemas.js";
import type { Edition } from "../ger.queries.js";
import { editionKindLabels, type SnapshotMission } from "../ger.schemas.js";

const launch = (m: Pick<SnapshotMission, "launchOn" | "launchPrecision">) =>
  m.launchOn && m.launchPrecision ? describeAtPrecision(m.launchOn, m.launchPrecision) : "not announced";
const missionLink = (m: { slug: string; name: string }) => (
  <a href={`/roadmap/missions/${m.slug}`}>{m.name}</a>
);

/** An edition's kind, year and status as tags (text, not colour alone). */
export function EditionTags({ e }: { e: Edition }) {
  return (
    <span class="tags">
      <Tag>{editionKindLabels[e.kind]}</Tag>
      <Tag tone={e.status === "published" ? "ok" : "warn"}>
        {e.status === "published" ? "Published" : "Draft"}
      </Tag>
      {e.frozenAt ? <Tag tone="accent">Missions recorded</Tag> : <Tag>Document</Tag>}
    </span>
  );
}

/** The missions an edition froze, as a table. */
export function SnapshotTable({ missions, caption }: { missions: SnapshotMission[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Mission</th>
            <th scope="col">Lead</th>
            <th scope="col">Destination</th>
            <th scope="col">Crew</th>
            <th scope="col">Launch</th>
            <th scope="col">Status</th>
            <th scope="col">Objectives</th>
          </tr>
        </thead>
        <tbody>
          {missions.map((m) => (
            <tr>
              <th scope="row">{missionLink(m)}</th>
              <td>{m.lead ?? "—"}</td>
              <td>{destinationLabels[m.destination]}</td>
              <td>{m.crewed ? "Crewed" : "Robotic"}</td>
              <td class="nowrap">{launch(m)}</td>
              <td>{statusLabels[m.status]}</td>
              <td>{m.objectives.join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const status = (s: string) => statusLabels[s as MissionStatus] ?? s;
const destination = (d: string) => destinationLabels[d as Destination] ?? d;

function Section(props: { id: string; title: string; count: number; children: unknown }) {
  if (props.count === 0) return null;
  return (
    <section class="section" aria-labelledby={props.id}>
      <h3 id={props.id}>
        {props.title} ({props.count})
      </h3>
      {props.children}
    </section>
  );
}

/** What changed between two sides: each kind of change under its own heading, in words. */
export function DiffView({
  diff,
  fromLabel,
  toLabel,
}: {
  diff: EditionDiff;
  fromLabel: string;
  toLabel: string;
}) {
  if (isEmptyDiff(diff)) {
    return <EmptyState title={`No mission changed between ${fromLabel} and ${toLabel}.`} />;
  }
  return (
    <div class="edition-diff">
      <p>
        From <strong>{fromLabel}</strong> to <strong>{toLabel}</strong>: {diff.added.length} added,{" "}
        {diff.removed.length} removed, {diff.slipped.length} with a launch moved, {diff.statusChanged.length}{" "}
        with a status changed, {diff.destinationChanged.length} with a destination changed; {diff.unchanged}{" "}
        unchanged.
      </p>
      <Section id="diff-added" title="Missions added" count={diff.added.length}>
        <ul>
          {diff.added.map((m) => (
            <li>
              {missionLink(m)}: added ({destination(m.destination)}, launch {launch(m)}, {status(m.status)})
            </li>
          ))}
        </ul>
      </Section>
      <Section id="diff-removed" title="Missions removed" count={diff.removed.length}>
        <ul>
          {diff.removed.map((m) => (
            <li>
              {m.name}: removed (was {destination(m.destination)}, launch {launch(m)}, {status(m.status)})
            </li>
          ))}
        </ul>
      </Section>
      <Section id="diff-slipped" title="Launches moved" count={diff.slipped.length}>
        <ul>
          {diff.slipped.map((s) => (
            <li>
              {missionLink(s)}: {s.slip.direction === "later" ? "slipped by" : "moved earlier by"}{" "}
              {s.slip.text} ({launch(s.before)} → {launch(s.after)})
            </li>
          ))}
        </ul>
      </Section>
      <Section id="diff-dated" title="Launch dates announced" count={diff.dateAnnounced.length}>
        <ul>
          {diff.dateAnnounced.map((m) => (
            <li>
              {missionLink(m)}: launch date announced ({launch(m)})
            </li>
          ))}
        </ul>
      </Section>
      <Section id="diff-undated" title="Launch dates withdrawn" count={diff.dateWithdrawn.length}>
        <ul>
          {diff.dateWithdrawn.map((m) => (
            <li>{missionLink(m)}: launch date withdrawn</li>
          ))}
        </ul>
      </Section>
      <Section id="diff-status" title="Status changes" count={diff.statusChanged.length}>
        <ul>
          {diff.statusChanged.map((s) => (
            <li>
              {missionLink(s)}: status changed from {status(s.before)} to {status(s.after)}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="diff-destination" title="Destination changes" count={diff.destinationChanged.length}>
        <ul>
          {diff.destinationChanged.map((s) => (
            <li>
              {missionLink(s)}: destination changed from {destination(s.before)} to {destination(s.after)}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}

/** Says plainly that an edition's missions were never recorded, and where its document is. */
export function NoSnapshot({ e }: { e: Edition }) {
  return (
    <div class="callout">
      <h2>No mission snapshot recorded</h2>
      <p>
        {e.name} was published before this platform kept the missions of each edition, so its mission list is
        not in the data and cannot be compared.
        {e.publicationSlug ? (
          <>
            {" "}
            The document itself is in the{" "}
            <a href={`/publications/${e.publicationSlug}`}>publications library</a>.
          </>
        ) : null}
      </p>
    </div>
  );
}

/** A table of editions, newest first, each linking to `${hrefBase}/${slug}`. */
export function EditionTable(p: {
  editions: Edition[];
  caption: string;
  hrefBase: string;
  statusHeading: string;
}) {
  return (
    <TableScroll label={p.caption}>
      <table>
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Edition</th>
            <th scope="col" class="num">
              Year
            </th>
            <th scope="col">{p.statusHeading}</th>
          </tr>
        </thead>
        <tbody>
          {p.editions.map((e) => (
            <tr>
              <th scope="row">
                <a href={`${p.hrefBase}/${e.slug}`}>{e.name}</a>
              </th>
              <td class="num">{e.year}</td>
              <td>
                <EditionTags e={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
