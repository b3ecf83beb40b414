import type { AppContext } from "../../http/env.js";
import { pageGroup } from "../../http/routes.js";
import { loadForum } from "../../web/forum.js";
import { findGroupBySlug } from "../groups/groups.queries.js";
import { renderContentPage } from "../pages/pages.pages.js";
import { loadFramework } from "./ger.queries.js";
import { ScienceRecords } from "./views/science.js";

async function sciencePerspectives(c: AppContext) {
  const db = c.var.deps.db;
  const science = (await loadForum(c.var.deps)).science;
  const [group, framework] = await Promise.all([
    science?.group ? findGroupBySlug(db, science.group) : undefined,
    science?.goals.length ? loadFramework(db) : undefined,
  ]);
  const goals = framework?.goals.filter((g) => science?.goals.includes(g.code)) ?? [];
  return renderContentPage(c, "science", <ScienceRecords group={group} goals={goals} />);
}

/**
 * Science Perspectives: the secretariat's text, then what the records say about science: the
 * science group and the missions serving the roadmap's science goals (which goals, and which
 * group, the forum's settings name).
 */
export const sciencePages = pageGroup([["GET", "/science", sciencePerspectives]]);
