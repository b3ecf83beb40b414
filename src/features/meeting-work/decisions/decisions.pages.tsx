import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/env.js";
import type { FieldErrors } from "../../../http/errors.js";
import { handleForm, str } from "../../../http/forms.js";
import { idParam, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { CsrfField, ErrorSummary, PageHeader, TextArea } from "../../../web/components.js";
import type { MeetingDetail } from "../../meetings/meetings.queries.js";
import { loadManagedMeetingWork } from "../meeting-work.service.js";
import { createDecision, decisionLabel, loadManagedDecision, updateDecision } from "./decisions.service.js";

function decisionForm(
  c: AppContext,
  m: MeetingDetail,
  p: { title: string; action: string; text: string; errors?: FieldErrors; message?: string },
) {
  return renderPrivate(c, {
    title: p.title,
    body: () => (
      <>
        <PageHeader title={p.title} lead={m.title} />
        <form method="post" action={p.action} class="form" novalidate>
          <ErrorSummary errors={p.errors} message={p.message} />
          <CsrfField token={c.var.csrfToken()} />
          <TextArea
            name="text"
            label="Decision"
            hint="Markdown. Decisions are numbered within the meeting (D1, D2 …)."
            value={p.text}
            errors={p.errors}
            rows={6}
            required
          />
          <p class="form-actions">
            <button class="button" type="submit">
              Save decision
            </button>
            <a href={`/private/meetings/${m.slug}#decisions`}>Cancel</a>
          </p>
        </form>
      </>
    ),
  });
}

/** Managers record decisions and correct their text; numbers never change. */
export function decisionPages() {
  const app = new Hono<AppEnv>();
  const managed = (c: AppContext) =>
    loadManagedMeetingWork(c.var.deps, requirePerson(c), c.req.param("slug") ?? "");
  const done = (m: { slug: string }) => `/private/meetings/${m.slug}?done=decision#decisions`;
  const newForm = (m: MeetingDetail) => ({
    title: "Record a decision",
    action: `/private/meetings/${m.slug}/decisions/new`,
  });

  app.get("/private/meetings/:slug/decisions/new", async (c) => {
    const m = await managed(c);
    return decisionForm(c, m, { ...newForm(m), text: "" });
  });

  app.post("/private/meetings/:slug/decisions/new", async (c) => {
    const m = await managed(c);
    return handleForm(
      c,
      async (body) => {
        await createDecision(c.var.deps, requirePerson(c), m.slug, body);
        return done(m);
      },
      (values, errors, message) =>
        decisionForm(c, m, { ...newForm(m), text: str(values.text), errors, message }),
    );
  });

  const load = (c: AppContext) =>
    loadManagedDecision(
      c.var.deps,
      requirePerson(c),
      c.req.param("slug") ?? "",
      idParam(c.req.param("number")),
    );
  const editForm = (m: MeetingDetail, d: { number: number }) => ({
    title: `Edit decision ${decisionLabel(d)}`,
    action: `/private/meetings/${m.slug}/decisions/${d.number}`,
  });

  app.get("/private/meetings/:slug/decisions/:number", async (c) => {
    const { m, d } = await load(c);
    return decisionForm(c, m, { ...editForm(m, d), text: d.text });
  });

  app.post("/private/meetings/:slug/decisions/:number", async (c) => {
    const { m, d } = await load(c);
    return handleForm(
      c,
      async (body) => {
        await updateDecision(c.var.deps, requirePerson(c), m.slug, d.number, body);
        return done(m);
      },
      (values, errors, message) =>
        decisionForm(c, m, { ...editForm(m, d), text: str(values.text), errors, message }),
    );
  });

  return app;
}
