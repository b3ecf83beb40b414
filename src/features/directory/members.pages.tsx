import { membershipGrowth } from "../../domain/membership-growth.js";
import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import {
  findOrganisationByAlias,
  findOrganisationBySlug,
  listChairTerms,
  listOrganisations,
} from "./directory.queries.js";
import { MemberList } from "./views/member-list.js";
import { MemberPage } from "./views/member-page.js";

async function memberList(c: AppContext) {
  const deps = c.var.deps;
  const orgs = await listOrganisations(deps.db);
  const current = orgs.filter((o) => !o.leftOn);
  const former = orgs.filter((o) => o.leftOn);
  const years = membershipGrowth(orgs, deps.now().getUTCFullYear());
  return renderPage(c, {
    title: "Members",
    description: "The space agencies and government organisations that are members of the forum.",
    body: (ctx) => <MemberList current={current} former={former} years={years} forum={ctx.forum} />,
  });
}

/** A member's page; an old name or alias in the address redirects to the current one. */
async function memberPage(c: AppContext) {
  const deps = c.var.deps;
  const slug = c.req.param("slug") ?? "";
  const org = await findOrganisationBySlug(deps.db, slug);
  if (!org) {
    const known = await findOrganisationByAlias(deps.db, slug);
    if (known) return c.redirect(`/members/${known.slug}`, 301);
    throw notFound("This member");
  }
  const chairs = await listChairTerms(deps.db, org.id);
  return renderPage(c, {
    title: `${org.acronym} · ${org.name}`,
    description: org.description ?? `${org.name}, member of the forum.`,
    body: () => <MemberPage org={org} chairs={chairs} db={deps.db} />,
  });
}

/** The public member directory and one page per member. */
export const memberPages = pageGroup([
  ["GET", "/members", memberList],
  ["GET", "/members/:slug", memberPage],
]);
