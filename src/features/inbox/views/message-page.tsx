import type { FieldErrors } from "../../../http/errors.js";
import { Notice, PageHeader } from "../../../web/components.js";
import type { InputRecord } from "../inbox.queries.js";
import { AgencyForms } from "./agency-forms.js";
import { AgencyStandings, MessageView, NoteList } from "./message-view.js";
import { TriageForms } from "./triage-forms.js";

/** One message: for the secretariat with its triage forms, for an agency it went to with the agency's. */
export function MessagePage(p: {
  m: InputRecord;
  notice: string | undefined;
  manage: boolean;
  notes: InputRecord["notes"];
  csrf: string;
  agencies: Array<{ acronym: string; name: string }>;
  groups: Array<{ value: string; label: string }>;
  /** The delivery to the reader's agency, if it went there. */
  d: InputRecord["deliveries"][number] | undefined;
  speaks: boolean;
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
  message?: string;
}) {
  const { m, manage, d, values, errors } = p;
  return (
    <>
      <p class="breadcrumb">
        <a href="/private/inbox">← Inbox</a>
      </p>
      <PageHeader eyebrow={m.reference ?? ""} title={m.subject} />
      <Notice text={p.notice} />
      {errors && Object.keys(errors).length ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>{p.message ?? "Please correct the highlighted fields."}</h2>
          <ul>
            {Object.entries(errors).map(([f, text]) => (
              <li>{f === "_form" ? text : <a href={`#f-${f}`}>{text}</a>}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {m.mergedIntoId ? (
        <p class="callout">
          Merged into <a href={`/private/inbox/${m.mergedIntoId}`}>another message</a>.
        </p>
      ) : null}
      <MessageView m={m} />
      <NoteList
        notes={p.notes}
        title={manage ? "Notes and replies" : "Additions and your agency's replies"}
      />
      {manage ? <AgencyStandings m={m} /> : null}
      {manage ? (
        <TriageForms
          m={m}
          csrf={p.csrf}
          agencies={p.agencies}
          groups={p.groups}
          values={values}
          errors={errors}
        />
      ) : d ? (
        <AgencyForms m={m} d={d} csrf={p.csrf} speaks={p.speaks} values={values} errors={errors} />
      ) : null}
    </>
  );
}

/** Asks before merging a message into another: the first is closed as a duplicate, nothing deleted. */
export function MergeConfirmation({
  m,
  target,
  csrf,
}: {
  m: InputRecord;
  target: InputRecord;
  csrf: string;
}) {
  return (
    <>
      <PageHeader
        title={`Merge ${m.reference} into ${target.reference}?`}
        lead={`“${m.subject}” is marked as a duplicate of “${target.subject}” and closed; it stays in the register, pointing to ${target.reference}, and nothing is deleted.`}
      />
      <form method="post" action={`/private/inbox/${m.id}/merge`} class="form">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="into" value={target.reference ?? ""} />
        <p class="form-actions">
          <button class="button button-danger" type="submit">
            Merge
          </button>
          <a href={`/private/inbox/${m.id}`}>Keep it apart</a>
        </p>
      </form>
    </>
  );
}
