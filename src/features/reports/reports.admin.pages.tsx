import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { AppError, type FieldErrors, notFound } from "../../http/errors.js";
import { formBody } from "../../http/forms.js";
import { personAllowedBy, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { type FormValues, isOn, val } from "../../kit/forms.js";
import {
  Checkbox,
  ConfirmForm,
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeader,
  Tag,
  TextArea,
} from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { buildReportDocument } from "./document/document.queries.js";
import { canManageReports, canSeeDraftReport } from "./reports.policy.js";
import { chairedGroupSlugs, findReport, listReports } from "./reports.queries.js";
import { reportYear } from "./reports.schemas.js";
import { publishReport, requireReport, startReport, updateReportSettings } from "./reports.service.js";
import { reportCompareRoutes } from "./views/compare.pages.js";
import { partEditorRoutes, partsOf } from "./views/parts.pages.js";

const guardWriter = personAllowedBy(
  canSeeDraftReport,
  "Only the secretariat and group chairs work on annual reports.",
);

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
        <>
          <PageHeader
            title="Annual reports"
            lead="Each year's report is computed from the year's records; the texts are written here."
          />
          <Notice text={c.req.query("done") === "published" ? "The report was published." : undefined} />
          <ul class="plain">
            {reports.map((r) => (
              <li>
                <a href={canSeeDraftReport(actor) ? `/private/reports/${r.year}` : `/reports/${r.year}`}>
                  Annual Report {r.year}
                </a>{" "}
                {r.status === "published" ? <Tag tone="ok">published</Tag> : <Tag tone="warn">draft</Tag>}
              </li>
            ))}
          </ul>
          {canManageReports(actor) ? (
            <form method="post" action="/private/reports" class="form" novalidate>
              <h2>Start a report</h2>
              <ErrorSummary errors={errors} />
              <CsrfField token={c.var.csrfToken()} />
              <Field
                name="year"
                label="Year"
                value={val(values, "year")}
                errors={errors}
                required
                inputmode="numeric"
              />
              <p class="form-actions">
                <button class="button" type="submit">
                  Start the draft
                </button>
              </p>
            </form>
          ) : null}
        </>
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
  const actor = guardWriter(c);
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
        <>
          <PageHeader
            title={`Annual Report ${year}`}
            lead={
              report.status === "published"
                ? `Published ${formatTimestamp(report.publishedAt!)}. Changes below go into the next publication.`
                : "Draft: only the secretariat and group chairs see it."
            }
          />
          <Notice text={c.req.query("done") === "saved" ? "Saved." : undefined} />
          <p>
            <a href={`/reports/${year}?draft=1`}>Preview the draft</a> ·{" "}
            <a href={`/reports/${year}.pdf?draft=1`}>draft PDF</a> ·{" "}
            <a href={`/reports/${year}.md?draft=1`}>draft Markdown</a>
            {previous ? (
              <>
                {" "}
                · <a href={`/private/reports/${year}/compare`}>Compare with {year - 1}</a>
              </>
            ) : null}
            {report.status === "published" ? (
              <>
                {" "}
                · <a href={`/reports/${year}`}>the published edition</a>
              </>
            ) : null}
          </p>
          <h2>Texts</h2>
          <ul>
            {parts.map((p) => (
              <li>
                {p.editable ? (
                  <a href={`/private/reports/${year}/parts/${p.part}/edit`}>{p.label}</a>
                ) : (
                  p.label
                )}{" "}
                {p.written ? <Tag tone="ok">written</Tag> : <Tag>empty</Tag>}
              </li>
            ))}
          </ul>
          {secretariat ? (
            <>
              <form method="post" action={`/private/reports/${year}/settings`} class="form" novalidate>
                <h2>Settings</h2>
                <ErrorSummary errors={errors} />
                <CsrfField token={c.var.csrfToken()} />
                <Field
                  name="membersAsOf"
                  label="Members as of"
                  value={val(v, "membersAsOf")}
                  errors={errors}
                  required
                  hint="YYYY-MM-DD: Annex II lists the members on this day."
                />
                <TextArea
                  name="majorDocuments"
                  label="Major documents"
                  value={val(v, "majorDocuments")}
                  errors={errors}
                  rows={6}
                  hint="Publication slugs, one a line, in the order to list them."
                />
                <TextArea
                  name="omitPublications"
                  label="Publications left out of Annex I"
                  value={val(v, "omitPublications")}
                  errors={errors}
                  rows={3}
                  hint="Publication slugs, one a line."
                />
                <Checkbox
                  name="statisticsPublic"
                  label="Visitors see the participation statistics"
                  checked={isOn(v, "statisticsPublic")}
                />
                <p class="form-actions">
                  <button class="button" type="submit">
                    Save settings
                  </button>
                </p>
              </form>
              <p>
                <a class="button" href={`/private/reports/${year}/publish`}>
                  {report.status === "published" ? "Publish again" : "Publish"}
                </a>
              </p>
            </>
          ) : null}
        </>
      ),
    },
    status,
  );
}

/** The secretariat's and chairs' work on annual reports: start, set up, write, compare, publish. */
export function reportAdminPages() {
  const app = new Hono<AppEnv>();
  app.get("/private/reports", (c) => listPage(c));
  app.post("/private/reports", async (c) => {
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
  });
  app.get("/private/reports/:year{[0-9]+}", (c) => overviewPage(c));
  app.post("/private/reports/:year{[0-9]+}/settings", async (c) => {
    const actor = guardSecretariat(c);
    const body = await formBody(c);
    try {
      await updateReportSettings(c.var.deps, actor, yearParam(c), body);
      return c.redirect(`/private/reports/${yearParam(c)}?done=saved`, 303);
    } catch (e) {
      if (e instanceof AppError && e.code === "validation_failed")
        return overviewPage(c, body, e.fields, 422);
      throw e;
    }
  });
  app.get("/private/reports/:year{[0-9]+}/publish", async (c) => {
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
  });
  app.post("/private/reports/:year{[0-9]+}/publish", async (c) => {
    const actor = guardSecretariat(c);
    await publishReport(c.var.deps, actor, yearParam(c));
    return c.redirect("/private/reports?done=published", 303);
  });
  app.route("/", partEditorRoutes(guardWriter));
  app.route("/", reportCompareRoutes(guardWriter));
  return app;
}
