import type { FieldErrors } from "../../../../http/errors.js";
import { type FormValues, val } from "../../../../kit/forms.js";
import {
  CsrfField,
  ErrorSummary,
  Field,
  labelOptions,
  Select,
  TextArea,
} from "../../../../web/components.js";
import { categoryLabels, dispositionLabels, positionLabels } from "../../products.schemas.js";

/** What every review form takes: where it posts, its values and errors, where Cancel leads. */
export type FormProps = {
  action: string;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  cancel: string;
};

/** The submit button and a way out. */
export const Actions = ({ submit, cancel }: { submit: string; cancel: string }) => (
  <p class="form-actions">
    <button class="button" type="submit">
      {submit}
    </button>
    <a href={cancel}>Cancel</a>
  </p>
);

/** A review comment: the section it points to, its category, the text and a proposed change. */
export function CommentForm(
  p: FormProps & { sections: Array<{ anchor: string; label: string }>; submit: string },
) {
  const v = p.values;
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Select
        name="section"
        label="Section"
        value={val(v, "section") || "whole-document"}
        options={p.sections.map((s) => ({ value: s.anchor || "whole-document", label: s.label }))}
        errors={p.errors}
        required
      />
      <Select
        name="category"
        label="Category"
        value={val(v, "category")}
        options={labelOptions(categoryLabels)}
        emptyLabel="Choose…"
        errors={p.errors}
        hint="Major comments are those your agency could not concur without."
        required
      />
      <TextArea name="text" label="Comment" value={val(v, "text")} errors={p.errors} rows={6} required />
      <TextArea
        name="proposedFrom"
        label="Proposed change: current text"
        value={val(v, "proposedFrom")}
        errors={p.errors}
        rows={3}
      />
      <TextArea
        name="proposedTo"
        label="Proposed change: new text"
        value={val(v, "proposedTo")}
        errors={p.errors}
        rows={3}
      />
      <Actions submit={p.submit} cancel={p.cancel} />
    </form>
  );
}

/** A choice from a list with a rationale: a disposition of a comment, or an agency's position. */
function ChoiceForm(
  p: FormProps & {
    name: string;
    label: string;
    labels: Record<string, string>;
    hint: string;
    submit: string;
    extra?: unknown;
    /** The name of the text field (rationale by default). */
    rationaleName?: string;
  },
) {
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Select
        name={p.name}
        label={p.label}
        value={val(p.values, p.name)}
        options={labelOptions(p.labels)}
        emptyLabel="Choose…"
        errors={p.errors}
        required
      />
      <TextArea
        name={p.rationaleName ?? "rationale"}
        label={p.rationaleName === "note" ? "Reason" : "Rationale"}
        value={val(p.values, p.rationaleName ?? "rationale")}
        errors={p.errors}
        rows={4}
        hint={p.hint}
      />
      {p.extra as never}
      <Actions submit={p.submit} cancel={p.cancel} />
    </form>
  );
}

/** An editor's disposition of one comment. */
export const DispositionForm = (p: FormProps) => (
  <ChoiceForm
    {...p}
    name="disposition"
    label="Disposition"
    labels={dispositionLabels}
    hint="Required when the comment is rejected."
    submit="Save the disposition"
  />
);

/** An agency's position in a round. */
export const PositionForm = (p: FormProps) => (
  <ChoiceForm
    {...p}
    name="position"
    label="Position"
    labels={positionLabels}
    hint="Required for a non-concurrence."
    submit="Record the position"
    extra={
      <Field
        name="comments"
        label="Comments it depends on"
        value={val(p.values, "comments")}
        errors={p.errors}
        hint="For a non-concurrence or a concurrence with comments: the numbers of the comments whose resolution would settle it, e.g. 14, 31."
      />
    }
  />
);

/** The commenting agency's answer to a disposition: accept, or contest with a reason. */
export const ResponseForm = (p: FormProps) => (
  <ChoiceForm
    {...p}
    name="response"
    label="Your agency's answer"
    labels={{ accepted: "Accept the disposition", contested: "Contest the disposition" }}
    hint="Required when contesting: what your agency still needs."
    submit="Send the answer"
    rationaleName="note"
  />
);
