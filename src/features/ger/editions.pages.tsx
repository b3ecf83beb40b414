import { Hono } from "hono";
import type { AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/page.js";
import { EmptyState, PageHeader } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { loadForum, roadmapName } from "../../web/forum.js";
import { findPublication } from "../publications/publications.queries.js";
import { compareSides, loadSide, type Side } from "./editions.service.js";
import { canReadEdition } from "./ger.policy.js";
import {
  earliestFrozenEdition,
  editionMissions,
  findEdition,
  latestFrozenEdition,
  listEditions,
} from "./ger.queries.js";
import { EditionDocument } from "./views/edition-document.js";
import { DiffView, EditionTable, EditionTags, SnapshotTable } from "./views/edition-views.js";

const crumbs = (here: string) => (
  <p class="breadcrumb">
    <a href="/roadmap">Roadmap</a> › {here === "Editions" ? here : <a href="/roadmap/editions">Editions</a>}
    {here === "Editions" ? null : ` › ${here}`}
  </p>
);

/** The public editions of the roadmap, each edition's missions, comparisons and the latest changes. */
export function editionPages() {
  const app = new Hono<AppEnv>();

  app.get("/roadmap/editions", async (c) => {
    const editions = await listEditions(c.var.deps.db, { publishedOnly: true });
    const roadmap = roadmapName(await loadForum(c.var.deps));
    return renderPage(c, {
      title: `Editions · ${roadmap}`,
      description: `The published editions and supplements of the ${roadmap}, and what changed.`,
      body: () => (
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
      ),
    });
  });

  app.get("/roadmap/editions/:slug", async (c) => {
    const e = await findEdition(c.var.deps.db, c.req.param("slug"));
    if (!e || !canReadEdition(c.var.actor, e) || e.status !== "published") throw notFound("This edition");
    const db = c.var.deps.db;
    const [list, document, firstRecorded] = await Promise.all([
      e.frozenAt ? editionMissions(db, e.id) : null,
      e.publicationSlug ? findPublication(db, e.publicationSlug) : undefined,
      e.frozenAt ? undefined : earliestFrozenEdition(db),
    ]);
    return renderPage(c, {
      title: `${e.name} · Editions`,
      description: `${e.name}: the missions of the ${roadmapName(await loadForum(c.var.deps))} as this edition froze them.`,
      body: () => (
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
      ),
    });
  });

  app.get("/roadmap/compare", async (c) => {
    const from = c.req.query("from");
    const to = c.req.query("to") || "current";
    // Only editions whose missions were recorded can be compared: the choice starts with the first.
    const recorded = (await listEditions(c.var.deps.db, { publishedOnly: true })).filter((e) => e.frozenAt);
    const sides = from
      ? await Promise.all([
          loadSide(c.var.deps.db, c.var.actor, from),
          loadSide(c.var.deps.db, c.var.actor, to),
        ])
      : null;
    return renderPage(c, {
      title: `Compare editions · ${roadmapName(await loadForum(c.var.deps))}`,
      description: "Missions added, removed, slipped and changed between two editions of the roadmap.",
      body: () => (
        <div class="wrap">
          {crumbs("Compare")}
          <PageHeader
            title="Compare editions"
            lead="Choose two editions, or an edition and the current plans."
          />
          {recorded.length === 0 ? (
            <p class="callout">
              The editions published so far came out before this platform recorded each edition's missions, so
              only the current plans can be shown. <a href="/roadmap">See the current plans</a>.
            </p>
          ) : null}
          <form method="get" action="/roadmap/compare" class="filters" aria-label="Choose what to compare">
            <SideSelect
              name="from"
              label="From"
              editions={recorded}
              value={from ?? recorded[0]?.slug ?? ""}
            />
            <SideSelect name="to" label="To" editions={recorded} value={to} />
            <button type="submit" class="button">
              Compare
            </button>
          </form>
          {sides ? <Comparison from={sides[0]} to={sides[1]} /> : null}
        </div>
      ),
    });
  });

  app.get("/roadmap/changes", async (c) => {
    const db = c.var.deps.db;
    const latest = await latestFrozenEdition(db);
    const [from, to] = latest
      ? await Promise.all([loadSide(db, c.var.actor, latest.slug), loadSide(db, c.var.actor, "current")])
      : [null, null];
    return renderPage(c, {
      title: `What changed since the last edition · ${roadmapName(await loadForum(c.var.deps))}`,
      description: "The agencies' plans now, compared with the latest published edition of the roadmap.",
      body: () => (
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
                The editions published before this platform (2011 to 2024) did not record their missions.
                Changes will be listed here once the secretariat freezes and publishes an edition.
              </p>
            </EmptyState>
          )}
        </div>
      ),
    });
  });

  return app;
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

/** The result of a comparison, or why it cannot be made. */
export function Comparison({ from, to }: { from: Side; to: Side }) {
  const { diff, missing } = compareSides(from, to);
  return (
    <section class="section" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">
        {from.label} → {to.label}
      </h2>
      {diff ? (
        <DiffView diff={diff} fromLabel={from.label} toLabel={to.label} />
      ) : (
        <div class="callout">
          <p>
            No mission snapshot recorded for {missing.map((s) => s.label).join(" or ")}, so there is nothing
            to compare. Only editions frozen in this platform have their missions recorded.
          </p>
        </div>
      )}
    </section>
  );
}
