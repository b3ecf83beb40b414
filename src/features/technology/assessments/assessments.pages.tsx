import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/env.js";
import type { FieldErrors } from "../../../http/errors.js";
import { notFound } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { authorize, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import type { FormValues } from "../../../kit/forms.js";
import { EmptyState, Notice, PageHeader, TableScroll, Tag } from "../../../web/components.js";
import { listOrganisations } from "../../directory/directory.queries.js";
import { publicationChoices } from "../../publications/publications.queries.js";
import { canReadGapAnalysis } from "../gaps/gaps.policy.js";
import { canSetPublicTechnologyDetail } from "../public/public.policy.js";
import { readPublicDetail } from "../public/public-detail.service.js";
import { listTechnologies } from "../technology.queries.js";
import { canManageAssessments } from "./assessments.policy.js";
import { findAssessment, listAssessments } from "./assessments.queries.js";
import {
  assessmentPeriod,
  assessmentStatusLabels,
  dateFieldValue,
  publicDetailLabels,
} from "./assessments.schemas.js";
import { createAssessment, formValuesOf, updateAssessment } from "./assessments.service.js";
import { type AssessmentChoices, AssessmentForm } from "./views/assessment-form.js";

const notices: Record<string, string> = {
  added: "The assessment was added.",
  saved: "The assessment was saved.",
  level: "The public level of detail was saved.",
};

async function choicesOf(c: AppContext): Promise<AssessmentChoices> {
  const db = c.var.deps.db;
  const [orgs, techs, pubs] = await Promise.all([
    listOrganisations(db),
    listTechnologies(db),
    publicationChoices(db),
  ]);
  return { agencies: orgs.filter((o) => !o.leftOn), technologies: techs, publications: pubs };
}

function manager(c: AppContext) {
  const actor = requirePerson(c);
  authorize(canManageAssessments(actor), "Only the secretariat manages gap assessments.");
  return actor;
}

async function formPage(
  c: AppContext,
  opts: {
    title: string;
    action: string;
    values: FormValues;
    errors?: FieldErrors;
    message?: string;
    submit: string;
  },
  status: 200 | 422 = 200,
) {
  const choices = await choicesOf(c);
  return renderPrivate(
    c,
    {
      title: opts.title,
      body: () => (
        <>
          <p class="breadcrumb">
            <a href="/private/technology/assessments">Gap assessments</a> › {opts.title}
          </p>
          <PageHeader title={opts.title} />
          <AssessmentForm
            action={opts.action}
            csrf={c.var.csrfToken()}
            values={opts.values}
            choices={choices}
            errors={opts.errors}
            message={opts.message}
            submitLabel={opts.submit}
          />
        </>
      ),
    },
    status,
  );
}

/** The private list of gap assessments, the secretariat's forms, and the public level of detail. */
export function assessmentPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/technology/assessments", async (c) => {
    const actor = requirePerson(c);
    authorize(canReadGapAnalysis(actor));
    const [list, level] = await Promise.all([listAssessments(c.var.deps.db), readPublicDetail(c.var.deps)]);
    const manage = canManageAssessments(actor);
    return renderPrivate(c, {
      title: "Gap assessments",
      body: () => (
        <>
          <PageHeader
            title="Gap assessments"
            lead="Reports of the Technology Working Group's gap assessment teams, as the public section shows them."
            actions={
              manage ? (
                <a class="button" href="/private/technology/assessments/new">
                  Add an assessment
                </a>
              ) : undefined
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <p>
            Public heat map: <strong>{publicDetailLabels[level]}</strong>
            {canSetPublicTechnologyDetail(actor) ? (
              <>
                {" "}
                · <a href="/private/technology/assessments/public-detail">Change what the public sees</a>
              </>
            ) : null}
          </p>
          {list.length === 0 ? (
            <EmptyState title="No gap assessment yet." />
          ) : (
            <TableScroll label="Gap assessments">
              <table>
                <caption>Gap assessments, ongoing first</caption>
                <thead>
                  <tr>
                    <th scope="col">Title</th>
                    <th scope="col">Status</th>
                    <th scope="col">Period</th>
                    <th scope="col">Report</th>
                    {manage ? <th scope="col">Actions</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {list.map((a) => (
                    <tr>
                      <th scope="row">
                        <a href={`/technology/assessments/${a.slug}`}>{a.title}</a>{" "}
                        {a.uncertain ? <Tag tone="warn">Uncertain</Tag> : null}
                      </th>
                      <td>{assessmentStatusLabels[a.status]}</td>
                      <td class="nowrap">{assessmentPeriod(a)}</td>
                      <td>
                        {a.publication ? (
                          <a href={`/publications/${a.publication.slug}`}>{a.publication.title}</a>
                        ) : (
                          "None"
                        )}
                      </td>
                      {manage ? (
                        <td>
                          <a href={`/private/technology/assessments/${a.slug}/edit`}>
                            Edit<span class="visually-hidden"> {a.title}</span>
                          </a>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      ),
    });
  });

  const newPage = {
    title: "Add a gap assessment",
    action: "/private/technology/assessments/new",
    submit: "Add the assessment",
  };
  app.get("/private/technology/assessments/new", async (c) => {
    manager(c);
    return formPage(c, { ...newPage, values: { status: "ongoing" } });
  });
  app.post("/private/technology/assessments/new", async (c) => {
    const actor = manager(c);
    return handleForm(
      c,
      async (body) => {
        await createAssessment(c.var.deps, actor, body);
        return "/private/technology/assessments?done=added";
      },
      (body, errors, message) => formPage(c, { ...newPage, values: body, errors, message }, 422),
    );
  });

  const loadOne = async (c: AppContext) => {
    const a = await findAssessment(c.var.deps.db, c.req.param("slug") ?? "");
    if (!a) throw notFound("This assessment");
    return a;
  };
  const editPage = (slug: string, title: string) => ({
    title: `Edit “${title}”`,
    action: `/private/technology/assessments/${slug}/edit`,
    submit: "Save the assessment",
  });
  app.get("/private/technology/assessments/:slug/edit", async (c) => {
    manager(c);
    const a = await loadOne(c);
    const v = formValuesOf(a);
    const values: FormValues = {
      ...v,
      startedOn: dateFieldValue(a.startedOn),
      endedOn: dateFieldValue(a.endedOn),
      publication: v.publication ? String(v.publication) : "",
      uncertain: v.uncertain,
    };
    return formPage(c, { ...editPage(a.slug, a.title), values });
  });
  app.post("/private/technology/assessments/:slug/edit", async (c) => {
    const actor = manager(c);
    const a = await loadOne(c);
    return handleForm(
      c,
      async (body) => {
        await updateAssessment(c.var.deps, actor, a.slug, body);
        return "/private/technology/assessments?done=saved";
      },
      (body, errors, message) =>
        formPage(c, { ...editPage(a.slug, a.title), values: body, errors, message }, 422),
    );
  });

  return app;
}
