import type { FieldErrors } from "../../../http/errors.js";
import { type FormValues, val } from "../../../kit/forms.js";
import {
  CsrfField,
  ErrorSummary,
  Field,
  Notice,
  PageHeader,
  Select,
  TextArea,
} from "../../../web/components.js";
import type { FaqQuestion, FaqSection } from "../faq.queries.js";

type Sections = Array<FaqSection & { questions: FaqQuestion[] }>;

/** The FAQ as the secretariat edits it: each section's questions in order, to move, edit or delete. */
export function FaqAdminList(p: { sections: Sections; notice: string | undefined; csrf: string }) {
  return (
    <>
      <PageHeader
        title="Frequently asked questions"
        actions={
          <a class="button" href="/private/faq/new">
            Add a question
          </a>
        }
      />
      <Notice text={p.notice} />
      {p.sections.map((s) => (
        <section aria-labelledby={`sec-${s.slug}`}>
          <h2 id={`sec-${s.slug}`}>{s.title}</h2>
          {s.questions.length === 0 ? <p class="muted">No questions in this section.</p> : null}
          <ol class="faq-admin">
            {s.questions.map((q, i) => (
              <li>
                <span class="faq-admin-question">{q.question}</span>
                <span class="faq-admin-actions">
                  <MoveButton id={q.id} csrf={p.csrf} direction="up" disabled={i === 0} label={q.question} />
                  <MoveButton
                    id={q.id}
                    csrf={p.csrf}
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
  );
}

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

/** The form that adds or edits a question. */
export function QuestionForm(p: {
  title: string;
  action: string;
  submit: string;
  sections: Sections;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
}) {
  const { values, errors } = p;
  return (
    <>
      <PageHeader title={p.title} />
      <form method="post" action={p.action} class="form" novalidate>
        <ErrorSummary errors={errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <Select
          name="section"
          label="Section"
          value={val(values, "section")}
          errors={errors}
          required
          emptyLabel="Choose…"
          options={p.sections.map((s) => ({ value: s.slug, label: s.title }))}
        />
        <Field name="question" label="Question" value={val(values, "question")} errors={errors} required />
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
  );
}
