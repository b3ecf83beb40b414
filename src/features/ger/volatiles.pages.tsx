import type { AppContext } from "../../http/env.js";
import { pageGroup } from "../../http/routes.js";
import { renderContentPage } from "../pages/pages.pages.js";
import { listMissions } from "../roadmap/roadmap.queries.js";
import { listGaps } from "./ger.queries.js";
import { VolatilesView } from "./views/volatiles.js";

async function lunarVolatiles(c: AppContext) {
  const [all, gaps] = await Promise.all([listMissions(c.var.deps.db), listGaps(c.var.deps.db)]);
  const list = all.filter((m) => m.studiesPolarVolatiles);
  return renderContentPage(c, "lunar-volatiles", <VolatilesView missions={list} gaps={gaps} />);
}

/** Lunar Volatiles: the content page's intro, then the missions studying polar volatiles and the gaps. */
export const volatilesPages = pageGroup([["GET", "/lunar-volatiles", lunarVolatiles]]);
