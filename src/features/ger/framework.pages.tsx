import type { AppContext } from "../../http/env.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { loadForum, roadmapName } from "../../web/forum.js";
import { loadFramework } from "./ger.queries.js";
import { FrameworkPage } from "./views/framework.js";

async function framework(c: AppContext) {
  const f = await loadFramework(c.var.deps.db);
  const roadmap = roadmapName(await loadForum(c.var.deps));
  return renderPage(c, {
    title: `Goals and objectives · ${roadmap}`,
    description: `The common goals and objectives of the ${roadmap} and the missions serving each.`,
    body: () => <FrameworkPage f={f} roadmap={roadmap} />,
  });
}

/** The public GER framework: themes, goals, objectives with the missions serving them, and coverage. */
export const frameworkPages = pageGroup([["GET", "/roadmap/framework", framework]]);
