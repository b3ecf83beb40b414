import type { AppContext } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import { canManageFaq } from "./faq.policy.js";
import { findQuestion, loadFaq } from "./faq.queries.js";
import { createQuestion, deleteQuestion, moveQuestion, updateQuestion } from "./faq.service.js";
import { FaqAdminList, QuestionForm } from "./views/faq-admin.js";

const notices: Record<string, string> = {
  added: "The question was added.",
  saved: "The question was saved.",
  moved: "The order was changed.",
  deleted: "The question was deleted.",
};

const editor = personAllowedBy(canManageFaq, "Only the secretariat edits the FAQ.");

/** The question the address names, for the secretariat. */
async function loadQuestion(c: AppContext) {
  editor(c);
  const q = await findQuestion(c.var.deps.db, idParam(c.req.param("id")));
  if (!q) throw notFound("The question");
  return q;
}

type Form = { action: string; submit: string; title: string };
const newForm: Form = { action: "/private/faq/new", submit: "Add question", title: "Add a question" };
const editForm = (id: number): Form => ({
  action: `/private/faq/${id}/edit`,
  submit: "Save changes",
  title: "Edit a question",
});

async function questionForm(
  c: AppContext,
  form: Form,
  values: FormValues,
  errors?: FieldErrors,
  message?: string,
) {
  const sections = await loadFaq(c.var.deps.db);
  return renderPrivate(c, {
    title: form.title,
    body: () => (
      <QuestionForm {...form} {...{ sections, values, errors, message }} csrf={c.var.csrfToken()} />
    ),
  });
}

async function faqList(c: AppContext) {
  editor(c);
  const sections = await loadFaq(c.var.deps.db);
  return renderPrivate(c, {
    title: "FAQ",
    body: () => (
      <FaqAdminList
        sections={sections}
        notice={notices[c.req.query("done") ?? ""]}
        csrf={c.var.csrfToken()}
      />
    ),
  });
}

async function newQuestionForm(c: AppContext) {
  editor(c);
  return questionForm(c, newForm, { section: c.req.query("section") ?? "" });
}

async function submitNewQuestion(c: AppContext) {
  const actor = editor(c);
  return handleForm(
    c,
    async (body) => {
      await createQuestion(c.var.deps, actor, body);
      return "/private/faq?done=added";
    },
    (body, errors, message) => questionForm(c, newForm, body, errors, message),
  );
}

async function editQuestionForm(c: AppContext) {
  const q = await loadQuestion(c);
  const section = (await loadFaq(c.var.deps.db)).find((s) => s.id === q.sectionId);
  return questionForm(c, editForm(q.id), {
    section: section?.slug ?? "",
    question: q.question,
    answer: q.answer,
    slug: q.slug,
  });
}

async function saveQuestion(c: AppContext) {
  const actor = editor(c);
  const q = await loadQuestion(c);
  return handleForm(
    c,
    async (body) => {
      await updateQuestion(c.var.deps, actor, q.id, body);
      return "/private/faq?done=saved";
    },
    (body, errors, message) => questionForm(c, editForm(q.id), body, errors, message),
  );
}

async function moveQuestionInSection(c: AppContext) {
  const actor = editor(c);
  const q = await loadQuestion(c);
  return handleForm(
    c,
    async (body) => {
      await moveQuestion(c.var.deps, actor, q.id, body);
      return "/private/faq?done=moved";
    },
    async () => c.redirect("/private/faq", 303),
  );
}

async function confirmDeleteQuestion(c: AppContext) {
  const q = await loadQuestion(c);
  return renderPrivate(c, {
    title: "Delete question",
    body: () => (
      <>
        <PageHeader title="Delete this question?" lead={`“${q.question}” will disappear from the FAQ.`} />
        <ConfirmForm
          action={`/private/faq/${q.id}/delete`}
          csrf={c.var.csrfToken()}
          button="Delete question"
          back="/private/faq"
        />
      </>
    ),
  });
}

async function deleteConfirmedQuestion(c: AppContext) {
  const actor = editor(c);
  const q = await loadQuestion(c);
  await deleteQuestion(c.var.deps, actor, q.id);
  return c.redirect("/private/faq?done=deleted", 303);
}

/** The secretariat's editing pages of the FAQ: the ordered list, the forms, moving and deleting. */
export const faqAdminPages = pageGroup([
  ["GET", "/private/faq", faqList],
  ["GET", "/private/faq/new", newQuestionForm],
  ["POST", "/private/faq/new", submitNewQuestion],
  ["GET", "/private/faq/:id/edit", editQuestionForm],
  ["POST", "/private/faq/:id/edit", saveQuestion],
  ["POST", "/private/faq/:id/move", moveQuestionInSection],
  ["GET", "/private/faq/:id/delete", confirmDeleteQuestion],
  ["POST", "/private/faq/:id/delete", deleteConfirmedQuestion],
]);
