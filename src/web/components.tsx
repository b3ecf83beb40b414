import type { Child } from "hono/jsx";
import type { FieldErrors } from "../http/errors.js";

/** The heading block of a page: optional eyebrow, title and lead text. */
export function PageHeader(props: { eyebrow?: string; title: string; lead?: Child; actions?: Child }) {
  return (
    <div class="page-header">
      <div>
        {props.eyebrow ? <p class="eyebrow">{props.eyebrow}</p> : null}
        <h1>{props.title}</h1>
        {props.lead ? <p class="lead">{props.lead}</p> : null}
      </div>
      {props.actions ? <div class="page-actions">{props.actions}</div> : null}
    </div>
  );
}

/** A list of every field error at the top of a form, linking to each field. */
export function ErrorSummary({ errors, message }: { errors?: FieldErrors; message?: string }) {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{message ?? "Please correct the highlighted fields."}</h2>
      <ul>
        {Object.entries(errors).map(([field, text]) => (
          <li>{field === "_form" ? text : <a href={`#f-${field}`}>{text}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: Child;
  value?: string | number | null;
  type?: string;
  hint?: Child;
  errors?: FieldErrors;
  required?: boolean;
  autocomplete?: string;
  inputmode?: "decimal" | "email" | "numeric" | "tel" | "url" | "text";
};

/** Ids and attributes that tie a control to its label, hint and error. */
function fieldParts(p: Pick<FieldProps, "name" | "hint" | "errors">) {
  const id = `f-${p.name}`;
  const error = p.errors?.[p.name];
  const describedBy = [p.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return {
    id,
    error,
    aria: { "aria-invalid": error ? "true" : undefined, "aria-describedby": describedBy || undefined },
  };
}

/** The label, hint and error around any form control. */
function FieldShell(p: FieldProps & { children: Child }) {
  const { id, error } = fieldParts(p);
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={id}>
        {p.label}
        {p.required ? null : <span class="optional"> (optional)</span>}
      </label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {p.children}
    </div>
  );
}

/** A labelled text input with its hint and inline error, wired for screen readers. */
export function Field(p: FieldProps) {
  const { id, aria } = fieldParts(p);
  return (
    <FieldShell {...p}>
      <input
        id={id}
        name={p.name}
        type={p.type ?? "text"}
        value={p.value ?? ""}
        required={p.required}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        {...aria}
      />
    </FieldShell>
  );
}

/**
 * A labelled file input. Files are never required by the browser: the server says what is missing.
 * `optional` marks the label; `field` names the id and the errors when they differ from the input's
 * name (the logo's errors are filed under "logo").
 */
export function FileField(
  p: Pick<FieldProps, "name" | "label" | "hint" | "errors"> & {
    accept?: string;
    multiple?: boolean;
    optional?: boolean;
    field?: string;
  },
) {
  // `required` only decides the label's "(optional)" here, not the input's attribute.
  const shell = { ...p, name: p.field ?? p.name, required: !p.optional };
  const { id, aria } = fieldParts(shell);
  return (
    <FieldShell {...shell}>
      <input id={id} name={p.name} type="file" accept={p.accept} multiple={p.multiple} {...aria} />
    </FieldShell>
  );
}

/** A labelled multi-line input. */
export function TextArea(p: FieldProps & { rows?: number }) {
  const { id, aria } = fieldParts(p);
  return (
    <FieldShell {...p}>
      <textarea id={id} name={p.name} rows={p.rows ?? 4} required={p.required} {...aria}>
        {p.value ?? ""}
      </textarea>
    </FieldShell>
  );
}

/** A select's options from a record of labels by value, in the record's order. */
export const labelOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** A labelled select from a list of options. */
export function Select(
  p: FieldProps & { options: Array<{ value: string; label: string }>; emptyLabel?: string },
) {
  const { id, aria } = fieldParts(p);
  return (
    <FieldShell {...p}>
      <select id={id} name={p.name} required={p.required} {...aria}>
        {p.emptyLabel !== undefined ? <option value="">{p.emptyLabel}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={String(p.value ?? "") === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A single checkbox with its label. */
export function Checkbox(p: {
  name: string;
  label: string;
  checked?: boolean;
  hint?: string;
  value?: string;
}) {
  const id = `f-${p.name}${p.value ? `-${p.value}` : ""}`;
  return (
    <div class="checkbox">
      <input id={id} type="checkbox" name={p.name} value={p.value ?? "on"} checked={p.checked} />
      <label for={id}>
        {p.label}
        {p.hint ? <span class="hint"> {p.hint}</span> : null}
      </label>
    </div>
  );
}

/** A new password typed twice (setup, invitations, reset), with the rule as a hint. */
export function NewPasswordFields({ errors, label = "Password" }: { errors?: FieldErrors; label?: string }) {
  return (
    <>
      <Field
        name="password"
        label={label}
        type="password"
        autocomplete="new-password"
        hint="At least 12 characters."
        errors={errors}
        required
      />
      <Field
        name="confirmPassword"
        label={`${label} again`}
        type="password"
        autocomplete="new-password"
        errors={errors}
        required
      />
    </>
  );
}

/** The hidden CSRF field every state-changing form carries. */
export const CsrfField = ({ token }: { token: string }) => <input type="hidden" name="_csrf" value={token} />;

/** A short coloured label; the text carries the meaning, colour only helps. */
export const Tag = ({ tone, children }: { tone?: "accent" | "warn" | "muted" | "ok"; children: Child }) => (
  <span class={`tag tag-${tone ?? "muted"}`}>{children}</span>
);

/** What to show where a list has nothing in it yet. */
export const EmptyState = ({ title, children }: { title: string; children?: Child }) => (
  <div class="empty-state">
    <p class="empty-title">{title}</p>
    {children ? <p>{children}</p> : null}
  </div>
);

/** A confirmation or notice shown after a redirect. */
export const Notice = ({ text }: { text?: string | null }) =>
  // Notices are looked up by the address's `?done=`; `?done=constructor` finds a function, not a text.
  typeof text === "string" && text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;

/** Previous / next links with the page position; keeps other query parameters. */
export function Pagination(p: { page: number; pages: number; href: (page: number) => string }) {
  if (p.pages <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {p.page > 1 ? (
        <a href={p.href(p.page - 1)} rel="prev">
          ← Previous
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {p.page} of {p.pages}
      </span>
      {p.page < p.pages ? (
        <a href={p.href(p.page + 1)} rel="next">
          Next →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** A table wrapper that scrolls sideways on narrow screens; focusable so keyboards can scroll it too. */
export const TableScroll = ({ label, children }: { label: string; children: Child }) => (
  <section class="table-scroll" tabindex={0} aria-label={label}>
    {children}
  </section>
);

/** The form of a confirmation page for a destructive action: one danger button and a way back. */
export function ConfirmForm(p: { action: string; csrf: string; button: string; back: string }) {
  return (
    <form method="post" action={p.action} class="form">
      <CsrfField token={p.csrf} />
      <p class="form-actions">
        <button class="button button-danger" type="submit">
          {p.button}
        </button>
        <a href={p.back}>Keep it</a>
      </p>
    </form>
  );
}
