import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import {
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeader,
  Select,
  TextArea,
} from "../../web/components.js";
import { Comparison } from "./editions.pages.js";
import { deleteEdition, freezeEdition, loadSide, publishEdition } from "./editions.service.js";
import { canManageEditions } from "./ger.policy.js";
import { findEdition, latestFrozenEdition, listEditions } from "./ger.queries.js";
import { editionKindLabels } from "./ger.schemas.js";
import { EditionTable, EditionTags, NoSnapshot, SnapshotTable } from "./views/edition-views.js";

const onlySecretariat = "Only the secretariat freezes, publishes and deletes editions.";
const notices: Record<string, string> = {
  published: "The edition was published; it can no longer change.",
  deleted: "The draft edition was deleted.",
  frozen: "The current plans were frozen as a draft edition.",
};

const guard = personAllowedBy(canManageEditions, onlySecretariat);

async function loadEdition(c: AppContext) {
  const e = await findEdition(c.var.deps.db, c.req.param("slug") ?? "");
  if (!e) throw notFound("The edition");
  return e;
}

type Values = Record<string, string | string[] | undefined>;
const v = (values: Values, k: string) => String([values[k] ?? ""].flat()[0] ?? "");

/** The secretariat's editions: list, freeze the current plans as a draft, publish, delete a draft. */
export function editionAdminPages() {
  const app = new Hono<AppEnv>();

  const listPage = (c: AppContext, values: Values, errors?: FieldErrors, message?: string) =>
    renderPrivate(c, {
      title: "Editions",
      body: async () => {
        const editions = await listEditions(c.var.deps.db, { publishedOnly: false });
        return (
          <>
            <PageHeader
              title="Roadmap editions"
              lead="Freeze the agencies' current plans as a draft edition, check it, then publish it. Published editions never change."
            />
            <Notice text={notices[c.req.query("done") ?? ""]} />
            <EditionTable
              editions={editions}
              caption="All editions, newest first"
              hrefBase="/private/editions"
              statusHeading="Kind and status"
            />
            <h2>Freeze the current plans</h2>
            <form method="post" action="/private/editions" class="form" novalidate>
              <ErrorSummary errors={errors} message={message} />
              <CsrfField token={c.var.csrfToken()} />
              <Field name="name" label="Name" value={v(values, "name")} errors={errors} required />
              <Field
                name="year"
                label="Year"
                value={v(values, "year")}
                errors={errors}
                required
                inputmode="numeric"
              />
              <Select
                name="kind"
                label="Kind"
                value={v(values, "kind") || "edition"}
                errors={errors}
                required
                options={[
                  { value: "edition", label: editionKindLabels.edition },
                  { value: "supplement", label: editionKindLabels.supplement },
                ]}
              />
              <Field
                name="slug"
                label="Address"
                value={v(values, "slug")}
                errors={errors}
                hint="Lower-case letters, digits and hyphens; made from the name when left empty."
              />
              <TextArea name="note" label="Note" value={v(values, "note")} errors={errors} rows={3} />
              <div class="form-actions">
                <button type="submit" class="button">
                  Freeze as a draft
                </button>
              </div>
            </form>
          </>
        );
      },
    });

  app.get("/private/editions", (c) => {
    guard(c);
    return listPage(c, {});
  });
  app.post("/private/editions", (c) => {
    const actor = guard(c);
    return handleForm(
      c,
      async (body) => `/private/editions/${(await freezeEdition(c.var.deps, actor, body)).slug}?done=frozen`,
      (body, errors, message) => listPage(c, body, errors, message),
    );
  });

  app.get("/private/editions/:slug", async (c) => {
    const actor = guard(c);
    const e = await loadEdition(c);
    const db = c.var.deps.db;
    const self = await loadSide(db, actor, e.slug);
    const latest = await latestFrozenEdition(db);
    const base = latest && latest.id !== e.id ? await loadSide(db, actor, latest.slug) : null;
    return renderPrivate(c, {
      title: e.name,
      body: () => (
        <>
          <PageHeader title={e.name} lead={<EditionTags e={e} />} />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          {e.status === "draft" ? (
            <p class="form-actions">
              <a class="button" href={`/private/editions/${e.slug}/publish`}>
                Publish
              </a>
              <a class="button button-quiet" href={`/private/editions/${e.slug}/delete`}>
                Delete draft
              </a>
            </p>
          ) : (
            <p>
              Published: this edition cannot be changed or deleted.{" "}
              <a href={`/roadmap/editions/${e.slug}`}>Public page</a>
            </p>
          )}
          {base && e.frozenAt ? <Comparison from={base} to={self} /> : null}
          {self.missions ? (
            <SnapshotTable missions={self.missions} caption={`The ${self.missions.length} missions frozen`} />
          ) : (
            <NoSnapshot e={e} />
          )}
        </>
      ),
    });
  });

  for (const action of ["publish", "delete"] as const) {
    app.get(`/private/editions/:slug/${action}`, async (c) => {
      guard(c);
      const e = await loadEdition(c);
      const publish = action === "publish";
      return renderPrivate(c, {
        title: publish ? "Publish edition" : "Delete edition",
        body: () => (
          <>
            <PageHeader
              title={publish ? `Publish ${e.name}?` : `Delete ${e.name}?`}
              lead={
                e.status === "published"
                  ? "This edition is already published: it cannot be changed or deleted."
                  : publish
                    ? "Once published, the edition and its mission snapshot can never be changed or deleted, and everyone can see it."
                    : "The draft and its mission snapshot will be removed. The audit log keeps a record."
              }
            />
            {e.status === "draft" ? (
              <form method="post" action={`/private/editions/${e.slug}/${action}`} class="form">
                <CsrfField token={c.var.csrfToken()} />
                <p class="form-actions">
                  <button class={publish ? "button" : "button button-danger"} type="submit">
                    {publish ? "Publish edition" : "Delete draft"}
                  </button>
                  <a href={`/private/editions/${e.slug}`}>Cancel</a>
                </p>
              </form>
            ) : (
              <p>
                <a href={`/private/editions/${e.slug}`}>Back to the edition</a>
              </p>
            )}
          </>
        ),
      });
    });
  }
  app.post("/private/editions/:slug/publish", async (c) => {
    const actor = guard(c);
    const e = await publishEdition(c.var.deps, actor, c.req.param("slug"));
    return c.redirect(`/private/editions/${e.slug}?done=published`, 303);
  });
  app.post("/private/editions/:slug/delete", async (c) => {
    const actor = guard(c);
    await deleteEdition(c.var.deps, actor, c.req.param("slug"));
    return c.redirect("/private/editions?done=deleted", 303);
  });

  return app;
}
