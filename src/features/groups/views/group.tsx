import type { FieldErrors } from "../../../http/errors.js";
import { type FormValues, isOn, val } from "../../../kit/forms.js";
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  Field,
  labelOptions,
  Select,
  Tag,
  TextArea,
} from "../../../web/components.js";
import { formatPartialDate } from "../../../web/format.js";
import type { Chair, Group } from "../groups.queries.js";
import { groupKindLabels } from "../groups.schemas.js";

/** "2021 – present", "May 2021 – 2023", or "" when nothing is known. */
export function groupPeriod(g: Group): string {
  const from = g.startedOn && g.startedPrecision ? formatPartialDate(g.startedOn, g.startedPrecision) : "";
  const to = g.endedOn && g.endedPrecision ? formatPartialDate(g.endedOn, g.endedPrecision) : "present";
  return from ? `${from} – ${to}` : g.endedOn ? `until ${to}` : "";
}

/** A group's name with its acronym. */
export const groupTitle = (g: Pick<Group, "name" | "acronym">) =>
  g.acronym ? `${g.name} (${g.acronym})` : g.name;

/** A chair as text: the person and their agency, or the free-text label. */
export const chairText = (c: Chair) =>
  c.personName ? `${c.personName}${c.personAgency ? ` (${c.personAgency})` : ""}` : (c.label ?? "");

/** The kind tag, plus "ended" where it applies; words carry the meaning. */
export function GroupTags({ g }: { g: Group }) {
  return (
    <>
      <Tag tone="accent">{groupKindLabels[g.kind]}</Tag> {g.endedOn ? <Tag>ended</Tag> : null}
    </>
  );
}

/** The form for a group's name, kind, charter and dates. */
export function GroupForm(p: {
  action: string;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  submit: string;
}) {
  const { values: v, errors } = p;
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Field name="name" label="Name" value={val(v, "name")} errors={errors} required />
      <Field name="acronym" label="Acronym" value={val(v, "acronym")} errors={errors} />
      <Select
        name="kind"
        label="Kind"
        value={val(v, "kind") || "working_group"}
        errors={errors}
        required
        options={labelOptions(groupKindLabels)}
      />
      <TextArea
        name="charter"
        label="Charter"
        value={val(v, "charter")}
        errors={errors}
        rows={8}
        hint="Markdown. What the group is for and what it produces."
      />
      <Field
        name="started"
        label="Started"
        value={val(v, "started")}
        errors={errors}
        hint="YYYY, YYYY-MM or YYYY-MM-DD"
      />
      <Field
        name="ended"
        label="Ended"
        value={val(v, "ended")}
        errors={errors}
        hint="Leave empty while the group is active."
      />
      <Checkbox name="uncertain" label="Some details are uncertain" checked={isOn(v, "uncertain")} />
      <Field name="uncertainNote" label="What is uncertain" value={val(v, "uncertainNote")} errors={errors} />
      <p class="form-actions">
        <button class="button" type="submit">
          {p.submit}
        </button>
        <a href="/private/groups">Cancel</a>
      </p>
    </form>
  );
}
