import { type Person, roleLabels } from "../../../http/actor.js";
import { CsrfField, ErrorSummary, Field, Notice, PageHeader } from "../../../web/components.js";

/** A person's own account: who they are, links to their factors and sessions, their mail, their password. */
export function AccountPage(p: {
  me: Person;
  notice: string | null;
  /** Each kind of mail one may turn off, by key. */
  categories: Record<string, string>;
  optOut: ReadonlySet<string>;
  csrf: string;
  errors?: Record<string, string>;
  message?: string;
}) {
  const { me, errors } = p;
  return (
    <>
      <PageHeader title="My account" />
      <Notice text={p.notice} />
      <dl class="details">
        <dt>Name</dt>
        <dd>{me.name}</dd>
        <dt>E-mail</dt>
        <dd>{me.email}</dd>
        <dt>Organisation</dt>
        <dd>{me.organisationAcronym ?? "Secretariat"}</dd>
        <dt>Roles</dt>
        <dd>{me.roles.map((r) => roleLabels[r]).join(", ")}</dd>
      </dl>
      <h2>Two-factor sign-in</h2>
      <p>
        <a href="/private/account/two-factor">An authenticator app, recovery codes and passkeys</a>: a second
        proof that it is you when you sign in.
      </p>
      <h2>Sessions and devices</h2>
      <p>
        <a href="/private/account/sessions">Where you are signed in, and your API tokens</a>: end any of them.
      </p>
      <h2>Calendar</h2>
      <p>
        <a href="/private/calendar">My calendar feed</a>: subscribe to every meeting you may see in your
        calendar application.
      </p>
      <h2>Mail</h2>
      <form method="post" action="/private/account/mail" class="form" novalidate>
        <CsrfField token={p.csrf} />
        <fieldset>
          <legend>The mail you get</legend>
          {Object.entries(p.categories).map(([k, label]) => (
            <div class="field checkbox">
              <input type="checkbox" id={`mail-${k}`} name="receive" value={k} checked={!p.optOut.has(k)} />
              <label for={`mail-${k}`}>{label}</label>
            </div>
          ))}
          <p class="hint">Mail about your account (sign-in, invitations) always reaches you.</p>
        </fieldset>
        <p class="form-actions">
          <button class="button" type="submit">
            Save mail choices
          </button>
        </p>
      </form>
      <h2>Change password</h2>
      <form method="post" action="/private/account/password" class="form" novalidate>
        <ErrorSummary errors={errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <Field
          name="currentPassword"
          label="Current password"
          type="password"
          autocomplete="current-password"
          errors={errors}
          required
        />
        <Field
          name="newPassword"
          label="New password"
          type="password"
          autocomplete="new-password"
          hint="At least 12 characters."
          errors={errors}
          required
        />
        <Field
          name="confirmPassword"
          label="New password again"
          type="password"
          autocomplete="new-password"
          errors={errors}
          required
        />
        <p class="form-actions">
          <button class="button" type="submit">
            Change password
          </button>
        </p>
      </form>
    </>
  );
}
