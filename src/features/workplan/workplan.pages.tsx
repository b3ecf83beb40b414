import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { groupDeliverables } from "../../db/schema/index.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import { type FieldErrors, notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { Notice, PageHeader } from "../../web/components.js";
import { actionChoices } from "../actions/actions.choices.queries.js";
import type { GroupDetail } from "../groups/groups.queries.js";
import { loadManagedGroup } from "../groups/groups.service.js";
import { groupTitle } from "../groups/views/group.js";
import { DeliverableForm, DeliverableTable, OutlookForm, type Values } from "./views/workplan.js";
import { listDeliverables, listOutlooks } from "./workplan.queries.js";
import { createDeliverable, saveOutlook, updateDeliverable } from "./workplan.service.js";

const notices: Record<string, string> = {
  added: "The deliverable was added to the workplan.",
  saved: "The deliverable was saved.",
  outlook: "The outlook was saved.",
};

type Problem = { form: "add" | "outlook"; values: Values; errors: FieldErrors; message: string };

/** Managing a group's workplan (deliverables) and yearly outlook: its chair and the secretariat. */
export function workplanPages() {
  const app = new Hono<AppEnv>();
  const load = (c: AppContext) => loadManagedGroup(c.var.deps, requirePerson(c), c.req.param("slug") ?? "");

  const page = async (c: AppContext, g: GroupDetail, problem?: Problem) => {
    const db = c.var.deps.db;
    const [rows, outlooks, choices] = await Promise.all([
      listDeliverables(db, g.id),
      listOutlooks(db, g.id),
      actionChoices(c.var.deps),
    ]);
    const csrf = c.var.csrfToken();
    const p = (form: Problem["form"]) => (problem?.form === form ? problem : undefined);
    const year = c.var.deps.now().getUTCFullYear();
    return renderPrivate(
      c,
      {
        title: `Workplan: ${g.acronym ?? g.name}`,
        body: () => (
          <>
            <p class="breadcrumb">
              <a href={`/private/groups/${g.slug}`}>← Manage {g.acronym ?? g.name}</a>
            </p>
            <PageHeader
              title={`Workplan and outlook: ${groupTitle(g)}`}
              lead={<a href={`/groups/${g.slug}`}>View the public page</a>}
            />
            <Notice text={notices[c.req.query("done") ?? ""]} />
            <section class="section" aria-labelledby="deliverables">
              <h2 id="deliverables">Deliverables</h2>
              {rows.length ? (
                <DeliverableTable rows={rows} editBase={`/private/groups/${g.slug}/workplan`} />
              ) : (
                <p class="muted">No deliverables yet.</p>
              )}
              <h3>Add a deliverable</h3>
              <DeliverableForm
                action={`/private/groups/${g.slug}/workplan`}
                csrf={csrf}
                values={p("add")?.values}
                errors={p("add")?.errors}
                message={p("add")?.message}
                submit="Add deliverable"
                agencies={choices.agencies}
                people={choices.people}
              />
            </section>
            <section class="section" aria-labelledby="outlooks">
              <h2 id="outlooks">Yearly outlook</h2>
              {outlooks.map((o) => (
                <details>
                  <summary>Outlook {o.year}</summary>
                  <pre class="small">{o.body}</pre>
                </details>
              ))}
              <h3>Write a year’s outlook</h3>
              <OutlookForm
                action={`/private/groups/${g.slug}/outlook`}
                csrf={csrf}
                values={
                  p("outlook")?.values ?? {
                    year: String(year),
                    body: outlooks.find((o) => o.year === year)?.body ?? "",
                  }
                }
                errors={p("outlook")?.errors}
                message={p("outlook")?.message}
              />
            </section>
          </>
        ),
      },
      problem ? 422 : 200,
    );
  };

  app.get("/private/groups/:slug/workplan", async (c) => page(c, await load(c)));

  app.post("/private/groups/:slug/workplan", async (c) => {
    const g = await load(c);
    return handleForm(
      c,
      async (body) => {
        await createDeliverable(c.var.deps, requirePerson(c), g.slug, body);
        return `/private/groups/${g.slug}/workplan?done=added`;
      },
      (values, errors, message) => page(c, g, { form: "add", values, errors, message }),
    );
  });

  app.post("/private/groups/:slug/outlook", async (c) => {
    const g = await load(c);
    return handleForm(
      c,
      async (body) => {
        await saveOutlook(c.var.deps, requirePerson(c), g.slug, body);
        return `/private/groups/${g.slug}/workplan?done=outlook`;
      },
      (values, errors, message) => page(c, g, { form: "outlook", values, errors, message }),
    );
  });

  const editPage = async (
    c: AppContext,
    g: GroupDetail,
    values: Values,
    errors?: FieldErrors,
    message?: string,
  ) => {
    const choices = await actionChoices(c.var.deps);
    const id = idParam(c.req.param("id"));
    return renderPrivate(
      c,
      {
        title: "Edit deliverable",
        body: () => (
          <>
            <p class="breadcrumb">
              <a href={`/private/groups/${g.slug}/workplan`}>← Workplan of {g.acronym ?? g.name}</a>
            </p>
            <PageHeader title="Edit deliverable" />
            <DeliverableForm
              action={`/private/groups/${g.slug}/workplan/${id}`}
              csrf={c.var.csrfToken()}
              values={values}
              errors={errors}
              message={message}
              submit="Save deliverable"
              agencies={choices.agencies}
              people={choices.people}
            />
          </>
        ),
      },
      errors ? 422 : 200,
    );
  };

  app.get("/private/groups/:slug/workplan/:id", async (c) => {
    const g = await load(c);
    const [d] = await c.var.deps.db
      .select()
      .from(groupDeliverables)
      .where(and(eq(groupDeliverables.id, idParam(c.req.param("id"))), eq(groupDeliverables.groupId, g.id)));
    if (!d) throw notFound("The deliverable");
    const rows = await listDeliverables(c.var.deps.db, g.id);
    const full = rows.find((r) => r.id === d.id)!;
    return editPage(c, g, {
      title: d.title,
      ownerAgency: d.ownerPersonId ? "" : (full.ownerAcronym ?? ""),
      ownerPerson: d.ownerPersonId ? String(d.ownerPersonId) : "",
      due: d.dueOn ?? "",
      status: d.status,
      link: d.linkUrl ?? "",
    });
  });

  app.post("/private/groups/:slug/workplan/:id", async (c) => {
    const g = await load(c);
    return handleForm(
      c,
      async (body) => {
        await updateDeliverable(c.var.deps, requirePerson(c), g.slug, idParam(c.req.param("id")), body);
        return `/private/groups/${g.slug}/workplan?done=saved`;
      },
      (values, errors, message) => editPage(c, g, values, errors, message),
    );
  });

  return app;
}
