import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { type FieldErrors, notFound } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { authorize, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
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
const onlySecretariat = "Only the secretariat edits the Critical Technology List.";

function guardEdit(c: AppContext) {
  const actor = requirePerson(c);
  authorize(canEditTechnologyList(actor), onlySecretariat);
  return actor;
}

/** The secretariat's forms for the list's technologies and areas. */
export function ctlFormPages() {
  const app = new Hono<AppEnv>();

  const technologyPage = async (
    c: AppContext,
    page: { title: string; action: string; submit: string },
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) => {
    const areas = await listAreas(c.var.deps.db);
    return renderPrivate(c, {
      title: page.title,
      body: () => (
        <>
          <PageHeader title={page.title} />
          <TechnologyForm
            action={page.action}
            csrf={c.var.csrfToken()}
            values={values}
            errors={errors}
            message={message}
            submit={page.submit}
            cancel="/private/technology"
            areas={areas}
          />
        </>
      ),
    });
  };
  const newTech = { title: "Add a technology", action: "/private/technology/new", submit: "Add technology" };
  app.get("/private/technology/new", (c) => {
    guardEdit(c);
    return technologyPage(c, newTech, {});
  });
  app.post("/private/technology/new", (c) => {
    const actor = guardEdit(c);
    return handleForm(
      c,
      async (body) => {
        await createTechnology(c.var.deps, actor, body);
        return "/private/technology?done=added";
      },
      (body, errors, message) => technologyPage(c, newTech, body, errors, message),
    );
  });

  const editTech = (code: string) => ({
    title: `Edit ${code}`,
    action: `/private/technology/${code}/edit`,
    submit: "Save changes",
  });
  app.get(`/private/technology/${TECH}/edit`, async (c) => {
    guardEdit(c);
    const t = await findTechnologyByCode(c.var.deps.db, c.req.param("code"));
    if (!t) throw notFound("The technology");
    return technologyPage(c, editTech(t.code), technologyValues(t));
  });
  app.post(`/private/technology/${TECH}/edit`, async (c) => {
    const actor = guardEdit(c);
    const t = await findTechnologyByCode(c.var.deps.db, c.req.param("code"));
    if (!t) throw notFound("The technology");
    return handleForm(
      c,
      async (body) => {
        await updateTechnology(c.var.deps, actor, t.code, body);
        return "/private/technology?done=saved";
      },
      (body, errors, message) => technologyPage(c, editTech(t.code), body, errors, message),
    );
  });

  app.route("/", areaPages());
  return app;
}

/** The secretariat's forms for the list's areas. */
function areaPages() {
  const app = new Hono<AppEnv>();
  const areaPage = (
    c: AppContext,
    page: { title: string; action: string; submit: string },
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) =>
    renderPrivate(c, {
      title: page.title,
      body: () => (
        <>
          <PageHeader title={page.title} />
          <AreaForm
            action={page.action}
            csrf={c.var.csrfToken()}
            values={values}
            errors={errors}
            message={message}
            submit={page.submit}
            cancel="/private/technology"
          />
        </>
      ),
    });
  const newArea = { title: "Add an area", action: "/private/technology/areas/new", submit: "Add area" };
  app.get("/private/technology/areas/new", (c) => {
    guardEdit(c);
    return areaPage(c, newArea, {});
  });
  app.post("/private/technology/areas/new", (c) => {
    const actor = guardEdit(c);
    return handleForm(
      c,
      async (body) => {
        await createArea(c.var.deps, actor, body);
        return "/private/technology?done=area-added";
      },
      (body, errors, message) => areaPage(c, newArea, body, errors, message),
    );
  });
  const editArea = (code: string) => ({
    title: `Edit area ${code}`,
    action: `/private/technology/areas/${code}/edit`,
    submit: "Save changes",
  });
  app.get(`/private/technology/areas/${AREA}/edit`, async (c) => {
    guardEdit(c);
    const a = await findAreaByCode(c.var.deps.db, c.req.param("code"));
    if (!a) throw notFound("The area");
    return areaPage(c, editArea(a.code), a);
  });
  app.post(`/private/technology/areas/${AREA}/edit`, async (c) => {
    const actor = guardEdit(c);
    const a = await findAreaByCode(c.var.deps.db, c.req.param("code"));
    if (!a) throw notFound("The area");
    return handleForm(
      c,
      async (body) => {
        await updateArea(c.var.deps, actor, a.code, body);
        return "/private/technology?done=area-saved";
      },
      (body, errors, message) => areaPage(c, editArea(a.code), body, errors, message),
    );
  });
  return app;
}
