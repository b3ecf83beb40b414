import type { AppContext } from "../../../http/env.js";
import { notFound } from "../../../http/errors.js";
import { personAllowedBy } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { hasDemoData, listCapabilities, listNeeds } from "../records/records.queries.js";
import { canEditTechnologyList, canReadTechnologyList } from "../technology.policy.js";
import { findTechnologyByCode, listAreas, listTechnologies, loadGapInputs } from "../technology.queries.js";
import { parseDataset } from "../technology.schemas.js";
import { TECH } from "./ctl-forms.pages.js";
import { CtlPage } from "./views/ctl-page.js";
import { TechnologyPage } from "./views/technology-page.js";

const notices: Record<string, string> = {
  "area-added": "The area was added.",
  "area-saved": "The area was saved.",
  added: "The technology was added to the list.",
  saved: "The technology was saved.",
};

const reader = personAllowedBy(canReadTechnologyList);

async function technologyList(c: AppContext) {
  const actor = reader(c);
  const dataset = parseDataset(c.req.query("dataset"));
  const db = c.var.deps.db;
  const [areas, technologies, inputs, hasDemo] = await Promise.all([
    listAreas(db),
    listTechnologies(db),
    loadGapInputs(c.var.deps, { dataset }),
    hasDemoData(db),
  ]);
  return renderPrivate(c, {
    title: "Critical Technology List",
    body: () => (
      <CtlPage
        {...{ dataset, hasDemo, areas, technologies, inputs }}
        editor={canEditTechnologyList(actor)}
        notice={notices[c.req.query("done") ?? ""]}
      />
    ),
  });
}

async function technologyPage(c: AppContext) {
  const actor = reader(c);
  const db = c.var.deps.db;
  const t = await findTechnologyByCode(db, c.req.param("code") ?? "");
  if (!t) throw notFound("The technology");
  const dataset = parseDataset(c.req.query("dataset"));
  const [caps, needs, hasDemo] = await Promise.all([
    listCapabilities(db, { dataset, technologyId: t.id }),
    listNeeds(db, { dataset, technologyId: t.id }),
    hasDemoData(db),
  ]);
  return renderPrivate(c, {
    title: `${t.code} ${t.title}`,
    body: () => <TechnologyPage {...{ t, actor, dataset, hasDemo }} caps={caps.rows} needs={needs.rows} />,
  });
}

/** The private Critical Technology List and one technology; the secretariat's forms are `ctlFormPages`. */
export const ctlPages = pageGroup([
  ["GET", "/private/technology", technologyList],
  ["GET", `/private/technology/${TECH}`, technologyPage],
]);
