import type { AppContext } from "../../../http/env.js";
import { type FieldErrors, notFound } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { personAllowedBy } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { PageHeader } from "../../../web/components.js";
import { canEditTechnologyList } from "../technology.policy.js";
import { findAreaByCode, findTechnologyByCode, listAreas } from "../technology.queries.js";
import {
  createArea,
  createTechnology,
  technologyValues,
  updateArea,
  updateTechnology,
} from "./ctl.service.js";
import { AreaForm, type FormValues, TechnologyForm } from "./views/ctl-forms.js";

/** The route pattern of a technology's code. */
export const TECH = ":code{[A-Za-z]{2,6}-[0-9]{3,4}}";
const AREA = ":code{[A-Za-z][A-Za-z0-9]{1,9}}";

const editor = personAllowedBy(
  canEditTechnologyList,
  "Only the secretariat edits the Critical Technology List.",
);

type FormPage = { title: string; action: string; submit: string };
type Typed = { values: FormValues; errors?: FieldErrors; message?: string };

async function technologyPage(c: AppContext, page: FormPage, typed: Typed) {
  const areas = await listAreas(c.var.deps.db);
  return renderPrivate(c, {
    title: page.title,
    body: () => (
      <>
        <PageHeader title={page.title} />
        <TechnologyForm
          action={page.action}
          csrf={c.var.csrfToken()}
          {...typed}
          submit={page.submit}
          cancel="/private/technology"
          areas={areas}
        />
      </>
    ),
  });
}

const areaPage = (c: AppContext, page: FormPage, typed: Typed) =>
  renderPrivate(c, {
    title: page.title,
    body: () => (
      <>
        <PageHeader title={page.title} />
        <AreaForm
          action={page.action}
          csrf={c.var.csrfToken()}
          {...typed}
          submit={page.submit}
          cancel="/private/technology"
        />
      </>
    ),
  });

const newTech: FormPage = {
  title: "Add a technology",
  action: "/private/technology/new",
  submit: "Add technology",
};
const editTech = (code: string): FormPage => ({
  title: `Edit ${code}`,
  action: `/private/technology/${code}/edit`,
  submit: "Save changes",
});
const newArea: FormPage = {
  title: "Add an area",
  action: "/private/technology/areas/new",
  submit: "Add area",
};
const editArea = (code: string): FormPage => ({
  title: `Edit area ${code}`,
  action: `/private/technology/areas/${code}/edit`,
  submit: "Save changes",
});

/** The technology the address names, for the secretariat. */
async function technologyToEdit(c: AppContext) {
  const actor = editor(c);
  const t = await findTechnologyByCode(c.var.deps.db, c.req.param("code") ?? "");
  if (!t) throw notFound("The technology");
  return { actor, t };
}

/** The area the address names, for the secretariat. */
async function areaToEdit(c: AppContext) {
  const actor = editor(c);
  const a = await findAreaByCode(c.var.deps.db, c.req.param("code") ?? "");
  if (!a) throw notFound("The area");
  return { actor, a };
}

function newTechnologyForm(c: AppContext) {
  editor(c);
  return technologyPage(c, newTech, { values: {} });
}

function submitNewTechnology(c: AppContext) {
  const actor = editor(c);
  return handleForm(
    c,
    async (body) => {
      await createTechnology(c.var.deps, actor, body);
      return "/private/technology?done=added";
    },
    (values, errors, message) => technologyPage(c, newTech, { values, errors, message }),
  );
}

async function editTechnologyForm(c: AppContext) {
  const { t } = await technologyToEdit(c);
  return technologyPage(c, editTech(t.code), { values: technologyValues(t) });
}

async function saveTechnology(c: AppContext) {
  const { actor, t } = await technologyToEdit(c);
  return handleForm(
    c,
    async (body) => {
      await updateTechnology(c.var.deps, actor, t.code, body);
      return "/private/technology?done=saved";
    },
    (values, errors, message) => technologyPage(c, editTech(t.code), { values, errors, message }),
  );
}

function newAreaForm(c: AppContext) {
  editor(c);
  return areaPage(c, newArea, { values: {} });
}

function submitNewArea(c: AppContext) {
  const actor = editor(c);
  return handleForm(
    c,
    async (body) => {
      await createArea(c.var.deps, actor, body);
      return "/private/technology?done=area-added";
    },
    (values, errors, message) => areaPage(c, newArea, { values, errors, message }),
  );
}

async function editAreaForm(c: AppContext) {
  const { a } = await areaToEdit(c);
  return areaPage(c, editArea(a.code), { values: a });
}

async function saveArea(c: AppContext) {
  const { actor, a } = await areaToEdit(c);
  return handleForm(
    c,
    async (body) => {
      await updateArea(c.var.deps, actor, a.code, body);
      return "/private/technology?done=area-saved";
    },
    (values, errors, message) => areaPage(c, editArea(a.code), { values, errors, message }),
  );
}

/** The secretariat's forms for the list's technologies and areas. */
export const ctlFormPages = pageGroup([
  ["GET", "/private/technology/new", newTechnologyForm],
  ["POST", "/private/technology/new", submitNewTechnology],
  ["GET", `/private/technology/${TECH}/edit`, editTechnologyForm],
  ["POST", `/private/technology/${TECH}/edit`, saveTechnology],
  ["GET", "/private/technology/areas/new", newAreaForm],
  ["POST", "/private/technology/areas/new", submitNewArea],
  ["GET", `/private/technology/areas/${AREA}/edit`, editAreaForm],
  ["POST", `/private/technology/areas/${AREA}/edit`, saveArea],
]);
