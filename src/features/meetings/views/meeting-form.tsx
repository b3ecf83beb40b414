import type { FieldErrors } from "../../../http/errors.js";
import { type FormValues, isOn, val } from "../../../kit/forms.js";
import {
  Checkbox,
  CsrfField,
  ErrorSummary,
  Field,
  labelOptions,
  Select,
  TextArea,
} from "../../../web/components.js";
import { meetingKindLabels, meetingModeLabels } from "../meetings.schemas.js";

/** The form for a meeting: what, when (local time and zone), where, how, and the public summary. */
export function MeetingForm(p: {
  action: string;
  csrf: string;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  submit: string;
  agencies: Array<{ acronym: string; name: string }>;
  groups: Array<{ slug: string; name: string }>;
}) {
  const { values: v, errors } = p;
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <ErrorSummary errors={errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Field name="title" label="Title" value={val(v, "title")} errors={errors} required />
      <Select
        name="kind"
        label="Kind"
        value={val(v, "kind")}
        errors={errors}
        required
        emptyLabel="Choose…"
        options={labelOptions(meetingKindLabels)}
      />
      <Select
        name="group"
        label="Group"
        value={val(v, "group")}
        errors={errors}
        emptyLabel="No group (a forum-wide meeting)"
        hint="Group meetings belong to a group; its chairs can then manage them."
        options={p.groups.map((g) => ({ value: g.slug, label: g.name }))}
      />
      <Select
        name="host"
        label="Host agency"
        value={val(v, "host")}
        errors={errors}
        emptyLabel="None"
        options={p.agencies.map((a) => ({ value: a.acronym, label: `${a.acronym} · ${a.name}` }))}
      />
      <Field
        name="place"
        label="Place"
        value={val(v, "place")}
        errors={errors}
        hint="Venue and city, e.g. ESTEC, Noordwijk, Netherlands."
      />
      <Field
        name="start"
        label="Starts"
        type="datetime-local"
        value={val(v, "start")}
        errors={errors}
        required
        hint="Local time at the meeting."
      />
      <Field
        name="end"
        label="Ends"
        type="datetime-local"
        value={val(v, "end")}
        errors={errors}
        required
        hint="Local time at the meeting."
      />
      <Field
        name="timeZone"
        label="Time zone"
        value={val(v, "timeZone") || "UTC"}
        errors={errors}
        required
        hint="An IANA name such as Europe/Berlin, Asia/Seoul or America/New_York; UTC for virtual meetings."
      />
      <Select
        name="mode"
        label="Mode"
        value={val(v, "mode")}
        errors={errors}
        required
        emptyLabel="Choose…"
        options={labelOptions(meetingModeLabels)}
      />
      <Field
        name="videoUrl"
        label="Video link"
        type="url"
        value={val(v, "videoUrl")}
        errors={errors}
        hint="Shown to signed-in members only; never on public pages or calendar files."
      />
      <TextArea
        name="summary"
        label="Public summary or communiqué"
        value={val(v, "summary")}
        errors={errors}
        rows={8}
        hint="Markdown."
      />
      <Checkbox
        name="public"
        label="Public meeting"
        hint="Listed for visitors and in the public calendar feed."
        checked={isOn(v, "public")}
      />
      <Checkbox name="uncertain" label="Some details are uncertain" checked={isOn(v, "uncertain")} />
      <Field name="uncertainNote" label="What is uncertain" value={val(v, "uncertainNote")} errors={errors} />
      <p class="form-actions">
        <button class="button" type="submit">
          {p.submit}
        </button>
        <a href="/private/meetings">Cancel</a>
      </p>
    </form>
  );
}
