import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { loadForum, roadmapName } from "../../web/forum.js";
import { findPublication } from "../publications/publications.queries.js";
import { loadSide } from "./editions.service.js";
import { canReadEdition } from "./ger.policy.js";
import {
  earliestFrozenEdition,
  editionMissions,
  findEdition,
  latestFrozenEdition,
  listEditions,
} from "./ger.queries.js";
import { ChangesPage, ComparePage, EditionList, EditionPage } from "./views/public-editions.js";

async function editionList(c: AppContext) {
  const editions = await listEditions(c.var.deps.db, { publishedOnly: true });
  const roadmap = roadmapName(await loadForum(c.var.deps));
  return renderPage(c, {
    title: `Editions · ${roadmap}`,
    description: `The published editions and supplements of the ${roadmap}, and what changed.`,
    body: () => <EditionList editions={editions} />,
  });
}

async function edition(c: AppContext) {
  const e = await findEdition(c.var.deps.db, c.req.param("slug") ?? "");
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
    body: () => <EditionPage e={e} list={list} document={document} firstRecorded={firstRecorded} />,
  });
}

async function compareEditions(c: AppContext) {
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
    body: () => <ComparePage recorded={recorded} from={from} to={to} sides={sides} />,
  });
}

async function changesSinceLastEdition(c: AppContext) {
  const db = c.var.deps.db;
  const latest = await latestFrozenEdition(db);
  const [from, to] = latest
    ? await Promise.all([loadSide(db, c.var.actor, latest.slug), loadSide(db, c.var.actor, "current")])
    : [null, null];
  return renderPage(c, {
    title: `What changed since the last edition · ${roadmapName(await loadForum(c.var.deps))}`,
    description: "The agencies' plans now, compared with the latest published edition of the roadmap.",
    body: () => <ChangesPage from={from} to={to} />,
  });
}

/** The public editions of the roadmap, each edition's missions, comparisons and the latest changes. */
export const editionPages = pageGroup([
  ["GET", "/roadmap/editions", editionList],
  ["GET", "/roadmap/editions/:slug", edition],
  ["GET", "/roadmap/compare", compareEditions],
  ["GET", "/roadmap/changes", changesSinceLastEdition],
]);
