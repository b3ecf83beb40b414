import { EmptyState, PageHeader } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import type { Publication } from "../../publications/publications.queries.js";
import type { Side } from "../editions.service.js";
import type { Edition } from "../ger.queries.js";
import type { SnapshotMission } from "../ger.schemas.js";
import { Comparison } from "./comparison.js";
import { EditionDocument } from "./edition-document.js";
import { EditionTable, EditionTags, SnapshotTable } from "./edition-views.js";

const crumbs = (here: string) => (
  <p class="breadcrumb">
    <a href="/roadmap">Roadmap</a> › {here === "Editions" ? here : <a href="/roadmap/editions">Editions</a>}
    {here === "Editions" ? null : ` › ${here}`}
  </p>
);

/** The published editions, newest first, with the ways to compare them. */
export function EditionList({ editions }: { editions: Edition[] }) {
  return (
    <div class="wrap">
      {crumbs("Editions")}
      <PageHeader
        title="Roadmap editions"
        lead="Each edition freezes the agencies' plans as they stood; compare any two, or see what changed since the last one."
      />
      <p>
        <a href="/roadmap/changes">What changed since the last edition</a> ·{" "}
        <a href="/roadmap/compare">Compare two editions</a>
      </p>
      {editions.length ? (
        <EditionTable
          editions={editions}
          caption="Published editions, newest first"
          hrefBase="/roadmap/editions"
          statusHeading="Kind and record"
        />
      ) : (
        <EmptyState title="No edition has been published yet." />
      )}
    </div>
  );
}

/** One published edition: its recorded missions, or the document it is when none were recorded. */
export function EditionPage(p: {
  e: Edition;
  list: SnapshotMission[] | null;
  document: Publication | undefined;
  firstRecorded: Edition | undefined;
}) {
  const { e, list, document, firstRecorded } = p;
  return (
    <div class="wrap">
      {crumbs(e.name)}
      <PageHeader title={e.name} lead={<EditionTags e={e} />} />
      <dl class="details">
        <dt>Year</dt>
        <dd>{e.year}</dd>
        {e.frozenAt ? (
          <>
            <dt>Plans frozen</dt>
            <dd>{formatTimestamp(e.frozenAt)}</dd>
          </>
        ) : null}
      </dl>
      {list ? (
        <>
          <p>
            <a href={`/roadmap/compare?from=${e.slug}&to=current`}>Compare with the current plans</a>
          </p>
          <SnapshotTable missions={list} caption={`The ${list.length} missions in ${e.name}`} />
        </>
      ) : (
        <EditionDocument e={e} document={document} firstRecorded={firstRecorded} />
      )}
    </div>
  );
}

/** The choice of two editions (or the current plans) and, once chosen, their comparison. */
export function ComparePage(p: {
  recorded: Edition[];
  from: string | undefined;
  to: string;
  sides: [Side, Side] | null;
}) {
  const { recorded, from, to, sides } = p;
  return (
    <div class="wrap">
      {crumbs("Compare")}
      <PageHeader title="Compare editions" lead="Choose two editions, or an edition and the current plans." />
      {recorded.length === 0 ? (
        <p class="callout">
          The editions published so far came out before this platform recorded each edition's missions, so
          only the current plans can be shown. <a href="/roadmap">See the current plans</a>.
        </p>
      ) : null}
      <form method="get" action="/roadmap/compare" class="filters" aria-label="Choose what to compare">
        <SideSelect name="from" label="From" editions={recorded} value={from ?? recorded[0]?.slug ?? ""} />
        <SideSelect name="to" label="To" editions={recorded} value={to} />
        <button type="submit" class="button">
          Compare
        </button>
      </form>
      {sides ? <Comparison from={sides[0]} to={sides[1]} /> : null}
    </div>
  );
}

/** The current plans against the latest edition that recorded its missions. */
export function ChangesPage({ from, to }: { from: Side | null; to: Side | null }) {
  return (
    <div class="wrap">
      {crumbs("What changed")}
      <PageHeader
        title="What changed since the last edition"
        lead="The current plans compared with the latest published edition that recorded its missions."
      />
      {from && to ? (
        <Comparison from={from} to={to} />
      ) : (
        <EmptyState title="No published edition has a mission snapshot yet.">
          <p>
            The editions published before this platform (2011 to 2024) did not record their missions. Changes
            will be listed here once the secretariat freezes and publishes an edition.
          </p>
        </EmptyState>
      )}
    </div>
  );
}

function SideSelect(p: {
  name: string;
  label: string;
  value: string;
  editions: Array<{ slug: string; name: string; frozenAt: Date | null }>;
}) {
  return (
    <label>
      {p.label}
      <select name={p.name}>
        <option value="current" selected={p.value === "current"}>
          Current plans
        </option>
        {p.editions.map((e) => (
          <option value={e.slug} selected={p.value === e.slug}>
            {e.name}
          </option>
        ))}
      </select>
    </label>
  );
}
