import { roles } from "../../../db/schema/index.js";
import { roleLabels } from "../../../http/actor.js";
import { type Form, str } from "../../../http/forms.js";
import { Checkbox, CsrfField, ErrorSummary, Field, Select } from "../../../web/components.js";

/** The invitation form: the secretariat chooses agency and roles; a focal point's are fixed. */
export function InvitationForm(p: {
  csrf: string;
  values: Form;
  errors?: Record<string, string>;
  message?: string;
  /** Null for a focal point: their own agency, member role only. */
  orgs: Array<{ acronym: string; name: string }> | null;
  ownAgency: string | null;
}) {
  const chosen = new Set([p.values.roles ?? []].flat());
  return (
    <form method="post" action="/private/invitations/new" class="form" novalidate>
      <ErrorSummary errors={p.errors} message={p.message} />
      <CsrfField token={p.csrf} />
      <Field name="name" label="Name" value={str(p.values.name)} errors={p.errors} required />
      <Field
        name="email"
        label="E-mail address"
        type="email"
        value={str(p.values.email)}
        errors={p.errors}
        required
      />
      {p.orgs ? (
        <>
          <Select
            name="organisation"
            label="Organisation"
            value={str(p.values.organisation)}
            errors={p.errors}
            emptyLabel="None (secretariat staff)"
            options={p.orgs.map((o) => ({ value: o.acronym, label: `${o.acronym} · ${o.name}` }))}
          />
          <fieldset>
            <legend>Roles</legend>
            {roles.map((r) => (
              <Checkbox name="roles" value={r} label={roleLabels[r]} checked={chosen.has(r)} />
            ))}
          </fieldset>
        </>
      ) : (
        <p>They join {p.ownAgency} as a member. The secretariat can give them other roles later.</p>
      )}
      <p class="form-actions">
        <button class="button" type="submit">
          Send the invitation
        </button>
      </p>
    </form>
  );
}
