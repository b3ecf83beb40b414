import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { type FormValues, val } from "../../kit/forms.js";
import {
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeader,
  Select,
  TextArea,
} from "../../web/components.js";
import { canManageFaq } from "./faq.policy.js";
import { findQuestion, loadFaq } from "./faq.queries.js";
import { createQuestion, deleteQuestion, moveQuestion, updateQuestion } from "./faq.service.js";

const onlySecretariat = "Only the secretariat edits the FAQ.";
const notices: Record<string, string> = {
  added: "The question was added.",
  saved: "The question was saved.",
  moved: "The order was changed.",
  deleted: "The question was deleted.",
};

const guard = personAllowedBy(canManageFaq, onlySecretariat);

async function loadQuestion(c: AppContext) {
  const q = await findQuestion(c.var.deps.db, idParam(c.req.param("id")));
  if (!q) throw notFound("The question");
  return q;
}

/** The secretariat's editing pages of the FAQ: the ordered list, the forms, moving and deleting. */
export function faqAdminPages() {
  const app = new Hono<AppEnv>();

  const questionForm = async (
    c: AppContext,
    p: { action: string; submit: string; title: string },
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) => {
    const sections = await loadFaq(c.var.deps.db);
    return renderPrivate(c, {
      title: p.title,
      body: () => (
        <>
          <PageHeader title={p.title} />
          <form method="post" action={p.action} class="form" novalidate>
            <ErrorSummary errors={errors} message={message} />
            <CsrfField token={c.var.csrfToken()} />
            <Select
              name="section"
              label="Section"
              value={val(values, "section")}
              errors={errors}
              required
              emptyLabel="Choose…"
              options={sections.map((s) => ({ value: s.slug, label: s.title }))}
            />
            <Field
              name="question"
              label="Question"
              value={val(values, "question")}
              errors={errors}
              required
            />
            <TextArea
              name="answer"
              label="Answer"
              value={val(values, "answer")}
              errors={errors}
              rows={8}
              required
              hint="Markdown: **bold**, *italic*, [a link](/members), lists with “- ”. HTML is shown as text."
            />
            <Field
              name="slug"
              label="Anchor"
              value={val(values, "slug")}
              errors={errors}
              hint="The part after # in links to this question; leave empty to make it from the question."
            />
            <p class="form-actions">
              <button class="button" type="submit">
                {p.submit}
              </button>{" "}
              <a href="/private/faq">Cancel</a>
            </p>
          </form>
        </>
      ),
    });
  };
  const newForm = { action: "/private/faq/new", submit: "Add question", title: "Add a question" };

  app.get("/private/faq", async (c) => {
    guard(c);
    const sections = await loadFaq(c.var.deps.db);
    const csrf = c.var.csrfToken();
    return renderPrivate(c, {
      title: "FAQ",
      body: () => (
        <>
          <PageHeader
            title="Frequently asked questions"
            actions={
              <a class="button" href="/private/faq/new">
                Add a question
              </a>
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          {sections.map((s) => (
            <section aria-labelledby={`sec-${s.slug}`}>
              <h2 id={`sec-${s.slug}`}>{s.title}</h2>
              {s.questions.length === 0 ? <p class="muted">No questions in this section.</p> : null}
              <ol class="faq-admin">
                {s.questions.map((q, i) => (
                  <li>
                    <span class="faq-admin-question">{q.question}</span>
                    <span class="faq-admin-actions">
                      <MoveButton
                        id={q.id}
                        csrf={csrf}
                        direction="up"
                        disabled={i === 0}
                        label={q.question}
                      />
                      <MoveButton
                        id={q.id}
                        csrf={csrf}
                        direction="down"
                        disabled={i === s.questions.length - 1}
                        label={q.question}
                      />
                      <a href={`/private/faq/${q.id}/edit`}>
                        Edit<span class="visually-hidden"> {q.question}</span>
                      </a>
                      <a href={`/private/faq/${q.id}/delete`}>
                        Delete<span class="visually-hidden"> {q.question}</span>
                      </a>
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </>
      ),
    });
  });

  app.get("/private/faq/new", async (c) => {
    guard(c);
    return questionForm(c, newForm, { section: c.req.query("section") ?? "" });
  });

  app.post("/private/faq/new", async (c) => {
    const actor = guard(c);
    return handleForm(
      c,
      async (body) => {
        await createQuestion(c.var.deps, actor, body);
        return "/private/faq?done=added";
      },
      (body, errors, message) => questionForm(c, newForm, body, errors, message),
    );
  });

  app.get("/private/faq/:id/edit", async (c) => {
    guard(c);
    const q = await loadQuestion(c);
    const section = (await loadFaq(c.var.deps.db)).find((s) => s.id === q.sectionId);
    return questionForm(c, editForm(q.id), {
      section: section?.slug ?? "",
      question: q.question,
      answer: q.answer,
      slug: q.slug,
    });
  });

  app.post("/private/faq/:id/edit", async (c) => {
    const actor = guard(c);
    const q = await loadQuestion(c);
    return handleForm(
      c,
      async (body) => {
        await updateQuestion(c.var.deps, actor, q.id, body);
        return "/private/faq?done=saved";
      },
      (body, errors, message) => questionForm(c, editForm(q.id), body, errors, message),
    );
  });

  app.post("/private/faq/:id/move", async (c) => {
    const actor = guard(c);
    const q = await loadQuestion(c);
    return handleForm(
      c,
      async (body) => {
        await moveQuestion(c.var.deps, actor, q.id, body);
        return "/private/faq?done=moved";
      },
      async () => c.redirect("/private/faq", 303),
    );
  });

  app.get("/private/faq/:id/delete", async (c) => {
    guard(c);
    const q = await loadQuestion(c);
    return renderPrivate(c, {
      title: "Delete question",
      body: () => (
        <>
          <PageHeader title="Delete this question?" lead={`“${q.question}” will disappear from the FAQ.`} />
          <form method="post" action={`/private/faq/${q.id}/delete`} class="form">
            <CsrfField token={c.var.csrfToken()} />
            <p class="form-actions">
              <button class="button button-danger" type="submit">
                Delete question
              </button>{" "}
              <a href="/private/faq">Keep it</a>
            </p>
          </form>
        </>
      ),
    });
  });

  app.post("/private/faq/:id/delete", async (c) => {
    const actor = guard(c);
    const q = await loadQuestion(c);
    await deleteQuestion(c.var.deps, actor, q.id);
    return c.redirect("/private/faq?done=deleted", 303);
  });

  return app;
}

const editForm = (id: number) => ({
  action: `/private/faq/${id}/edit`,
  submit: "Save changes",
  title: "Edit a question",
});

function MoveButton(p: {
  id: number;
  csrf: string;
  direction: "up" | "down";
  disabled: boolean;
  label: string;
}) {
  return (
    <form method="post" action={`/private/faq/${p.id}/move`} class="inline-form">
      <CsrfField token={p.csrf} />
      <input type="hidden" name="direction" value={p.direction} />
      <button class="link-button" type="submit" disabled={p.disabled}>
        {p.direction === "up" ? "Move up" : "Move down"}
        <span class="visually-hidden">: {p.label}</span>
      </button>
    </form>
  );
}
