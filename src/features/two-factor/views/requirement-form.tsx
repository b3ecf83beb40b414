import { roles } from "../../../db/schema/index.js";
import { roleLabels } from "../../../http/actor.js";
import { CsrfField, Notice, PageHeader } from "../../../web/components.js";

/** The roles whose people must use two factors, as checkboxes. */
export function RequirementForm(p: { required: ReadonlySet<string>; notice: string | null; csrf: string }) {
  return (
    <>
      <PageHeader
        title="Who must use two-factor sign-in"
        lead="People in these roles must set up an authenticator app or a passkey before they can use the private area."
      />
      <Notice text={p.notice} />
      <form method="post" action="/private/settings/two-factor" class="form">
        <CsrfField token={p.csrf} />
        <fieldset>
          <legend>Roles that must use two factors</legend>
          {roles.map((r) => (
            <div class="field checkbox">
              <input type="checkbox" id={`role-${r}`} name="roles" value={r} checked={p.required.has(r)} />
              <label for={`role-${r}`}>{roleLabels[r]}</label>
            </div>
          ))}
        </fieldset>
        <p class="form-actions">
          <button class="button" type="submit">
            Save
          </button>
        </p>
      </form>
    </>
  );
}
