import type { AppContext } from "../../http/env.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { listChairTerms, listOrganisations } from "../directory/directory.queries.js";
import { AboutPage } from "./views/about.js";
import { HomePage } from "./views/home.js";

async function home(c: AppContext) {
  const db = c.var.deps.db;
  const [orgs, chairs] = await Promise.all([listOrganisations(db), listChairTerms(db)]);
  const current = orgs.filter((o) => !o.leftOn);
  const countries = new Set(current.map((o) => o.country)).size;
  const chair = chairs.at(-1);
  return renderPage(c, {
    title: "",
    body: (ctx) => <HomePage forum={ctx.forum} deps={c.var.deps} {...{ current, countries, chair }} />,
  });
}

async function about(c: AppContext) {
  const chairs = await listChairTerms(c.var.deps.db);
  return renderPage(c, {
    title: "About",
    description: "Purpose, principles and background of the forum, its chair and its secretariat.",
    body: (ctx) => <AboutPage forum={ctx.forum} chairs={chairs} />,
  });
}

/** Home and About. */
export const sitePages = pageGroup([
  ["GET", "/", home],
  ["GET", "/about", about],
]);
