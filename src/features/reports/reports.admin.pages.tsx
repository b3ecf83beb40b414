import type { AppContext } from "../../http/env.js";
import { AppError, type FieldErrors, notFound } from "../../http/errors.js";
import { formBody } from "../../http/forms.js";
import { personAllowedBy, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import { buildReportDocument } from "./document/document.queries.js";
import { partsOf } from "./reports.parts.pages.js";
import { canManageReports, canSeeDraftReport } from "./reports.policy.js";
import { chairedGroupSlugs, findReport, listReports } from "./reports.queries.js";
import { reportYear } from "./reports.schemas.js";
import { publishReport, requireReport, startReport, updateReportSettings } from "./reports.service.js";
import { ReportList, ReportOverview } from "./views/report-admin.js";
import { reportWriter } from "./writers.pages.js";

const guardSecretariat = personAllowedBy(
  canManageReports,
  "Only the secretariat sets up and publishes annual reports.",
);

/** The year in the address, or not found. */
export const yearParam = (c: AppContext) => {
  const parsed = reportYear.safeParse(c.req.param("year"));
  if (!parsed.success) throw notFound("This report");
  return parsed.data;
};

async function listPage(
  c: AppContext,
  values: FormValues = {},
  errors?: FieldErrors,
  status: 200 | 422 = 200,
) {
  const actor = requirePerson(c);
  const reports = (await listReports(c.var.deps.db)).filter(
    (r) => r.status === "published" || canSeeDraftReport(actor),
  );
  return renderPrivate(
    c,
    {
      title: "Annual reports",
      body: () => (
        <ReportList
          reports={reports}
          writer={canSeeDraftReport(actor)}
          secretariat={canManageReports(actor)}
          published={c.req.query("done") === "published"}
          csrf={c.var.csrfToken()}
          {...{ values, errors }}
        />
      ),
    },
    status,
  );
}

async function overviewPage(
  c: AppContext,
  values?: FormValues,
  errors?: FieldErrors,
  status: 200 | 422 = 200,
) {
  const actor = reportWriter(c);
  const year = yearParam(c);
  const report = await requireReport(c.var.deps.db, year);
  const doc = await buildReportDocument(c.var.deps, report);
  const chaired = await chairedGroupSlugs(c.var.deps.db, actor.id);
  const parts = await partsOf(c.var.deps, report, doc, actor, chaired);
  const v: FormValues = values ?? {
    membersAsOf: report.membersAsOf,
    majorDocuments: report.settings.majorDocuments.join("\n"),
    omitPublications: report.settings.omitPublications.join("\n"),
    statisticsPublic: report.settings.statisticsPublic,
  };
  const secretariat = canManageReports(actor);
  const previous = await findReport(c.var.deps.db, year - 1);
  return renderPrivate(
    c,
    {
      title: `Annual Report ${year}`,
      body: () => (
        <ReportOverview
          {...{ year, report, previous, parts, secretariat, v, errors }}
          saved={c.req.query("done") === "saved"}
          csrf={c.var.csrfToken()}
        />
      ),
    },
    status,
  );
}

const reportList = (c: AppContext) => listPage(c);

async function startDraft(c: AppContext) {
  const actor = guardSecretariat(c);
  const body = await formBody(c);
  try {
    const r = await startReport(c.var.deps, actor, body);
    return c.redirect(`/private/reports/${r.year}`, 303);
  } catch (e) {
    if (e instanceof AppError && (e.code === "validation_failed" || e.code === "conflict"))
      return listPage(c, body, e.fields, 422);
    throw e;
  }
}

const reportOverview = (c: AppContext) => overviewPage(c);

async function saveSettings(c: AppContext) {
  const actor = guardSecretariat(c);
  const body = await formBody(c);
  try {
    await updateReportSettings(c.var.deps, actor, yearParam(c), body);
    return c.redirect(`/private/reports/${yearParam(c)}?done=saved`, 303);
  } catch (e) {
    if (e instanceof AppError && e.code === "validation_failed") return overviewPage(c, body, e.fields, 422);
    throw e;
  }
}

async function confirmPublish(c: AppContext) {
  guardSecretariat(c);
  const year = yearParam(c);
  await requireReport(c.var.deps.db, year);
  return renderPrivate(c, {
    title: `Publish the ${year} report`,
    body: () => (
      <>
        <PageHeader
          title={`Publish the ${year} report?`}
          lead="Publishing freezes the figures and texts as they are now; later changes to records do not alter the edition. Its PDF goes into the publications library."
        />
        <ConfirmForm
          action={`/private/reports/${year}/publish`}
          csrf={c.var.csrfToken()}
          button="Publish"
          back={`/private/reports/${year}`}
        />
      </>
    ),
  });
}

async function publish(c: AppContext) {
  const actor = guardSecretariat(c);
  await publishReport(c.var.deps, actor, yearParam(c));
  return c.redirect("/private/reports?done=published", 303);
}

/** The secretariat's and chairs' work on annual reports: start, set up and publish them. */
export const reportAdminPages = pageGroup([
  ["GET", "/private/reports", reportList],
  ["POST", "/private/reports", startDraft],
  ["GET", "/private/reports/:year{[0-9]+}", reportOverview],
  ["POST", "/private/reports/:year{[0-9]+}/settings", saveSettings],
  ["GET", "/private/reports/:year{[0-9]+}/publish", confirmPublish],
  ["POST", "/private/reports/:year{[0-9]+}/publish", publish],
]);
