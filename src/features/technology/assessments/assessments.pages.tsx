import type { AppContext } from "../../../http/env.js";
import type { FieldErrors } from "../../../http/errors.js";
import { notFound } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { personAllowedBy } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import type { FormValues } from "../../../kit/forms.js";
import { PageHeader } from "../../../web/components.js";
import { listOrganisations } from "../../directory/directory.queries.js";
import { publicationChoices } from "../../publications/publications.queries.js";
import { canReadGapAnalysis } from "../gaps/gaps.policy.js";
import { canSetPublicTechnologyDetail } from "../public/public.policy.js";
import { readPublicDetail } from "../public/public-detail.service.js";
import { listTechnologies } from "../technology.queries.js";
import { canManageAssessments } from "./assessments.policy.js";
import { findAssessment, listAssessments } from "./assessments.queries.js";
import { dateFieldValue } from "./assessments.schemas.js";
import { createAssessment, formValuesOf, updateAssessment } from "./assessments.service.js";
import { type AssessmentChoices, AssessmentForm } from "./views/assessment-form.js";
import { AssessmentList } from "./views/assessment-list.js";

const notices: Record<string, string> = {
  added: "The assessment was added.",
  saved: "The assessment was saved.",
  level: "The public level of detail was saved.",
};

const reader = personAllowedBy(canReadGapAnalysis);
const manager = personAllowedBy(canManageAssessments, "Only the secretariat manages gap assessments.");

async function choicesOf(c: AppContext): Promise<AssessmentChoices> {
  const db = c.var.deps.db;
  const [orgs, techs, pubs] = await Promise.all([
    listOrganisations(db),
    listTechnologies(db),
    publicationChoices(db),
  ]);
  return { agencies: orgs.filter((o) => !o.leftOn), technologies: techs, publications: pubs };
}

type FormPage = { title: string; action: string; submit: string };
const newPage: FormPage = {
  title: "Add a gap assessment",
  action: "/private/technology/assessments/new",
  submit: "Add the assessment",
};
const editPage = (slug: string, title: string): FormPage => ({
  title: `Edit “${title}”`,
  action: `/private/technology/assessments/${slug}/edit`,
  submit: "Save the assessment",
});

async function formPage(
  c: AppContext,
  opts: FormPage & { values: FormValues; errors?: FieldErrors; message?: string },
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

/** The assessment the address names, for the secretariat. */
async function managedAssessment(c: AppContext) {
  manager(c);
  const a = await findAssessment(c.var.deps.db, c.req.param("slug") ?? "");
  if (!a) throw notFound("This assessment");
  return a;
}

async function assessmentList(c: AppContext) {
  const actor = reader(c);
  const [list, level] = await Promise.all([listAssessments(c.var.deps.db), readPublicDetail(c.var.deps)]);
  return renderPrivate(c, {
    title: "Gap assessments",
    body: () => (
      <AssessmentList
        list={list}
        level={level}
        manage={canManageAssessments(actor)}
        canSetLevel={canSetPublicTechnologyDetail(actor)}
        notice={notices[c.req.query("done") ?? ""]}
      />
    ),
  });
}

async function newAssessmentForm(c: AppContext) {
  manager(c);
  return formPage(c, { ...newPage, values: { status: "ongoing" } });
}

async function submitNewAssessment(c: AppContext) {
  const actor = manager(c);
  return handleForm(
    c,
    async (body) => {
      await createAssessment(c.var.deps, actor, body);
      return "/private/technology/assessments?done=added";
    },
    (body, errors, message) => formPage(c, { ...newPage, values: body, errors, message }, 422),
  );
}

async function editAssessmentForm(c: AppContext) {
  const a = await managedAssessment(c);
  const v = formValuesOf(a);
  const values: FormValues = {
    ...v,
    startedOn: dateFieldValue(a.startedOn),
    endedOn: dateFieldValue(a.endedOn),
    publication: v.publication ? String(v.publication) : "",
    uncertain: v.uncertain,
  };
  return formPage(c, { ...editPage(a.slug, a.title), values });
}

async function saveAssessment(c: AppContext) {
  const actor = manager(c);
  const a = await managedAssessment(c);
  return handleForm(
    c,
    async (body) => {
      await updateAssessment(c.var.deps, actor, a.slug, body);
      return "/private/technology/assessments?done=saved";
    },
    (body, errors, message) =>
      formPage(c, { ...editPage(a.slug, a.title), values: body, errors, message }, 422),
  );
}

/** The private list of gap assessments and the secretariat's forms. */
export const assessmentPages = pageGroup([
  ["GET", "/private/technology/assessments", assessmentList],
  ["GET", "/private/technology/assessments/new", newAssessmentForm],
  ["POST", "/private/technology/assessments/new", submitNewAssessment],
  ["GET", "/private/technology/assessments/:slug/edit", editAssessmentForm],
  ["POST", "/private/technology/assessments/:slug/edit", saveAssessment],
]);
