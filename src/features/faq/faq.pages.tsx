import type { AppContext } from "../../http/env.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { loadForum } from "../../web/forum.js";
import { loadFaq } from "./faq.queries.js";
import { FaqPage } from "./views/faq-public.js";

async function faq(c: AppContext) {
  const sections = (await loadFaq(c.var.deps.db)).filter((s) => s.questions.length > 0);
  return renderPage(c, {
    title: "FAQ",
    description: `Frequently asked questions about the ${(await loadForum(c.var.deps)).acronym}.`,
    body: () => <FaqPage sections={sections} />,
  });
}

/** The public FAQ, an anchor per question (the secretariat's editing pages are faq.admin.pages.tsx). */
export const faqPages = pageGroup([["GET", "/faq", faq]]);
