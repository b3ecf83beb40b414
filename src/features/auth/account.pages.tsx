import { Hono } from "hono";
import { roleLabels } from "../../http/actor.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import { handleForm } from "../../http/forms.js";
import { requirePerson } from "../../http/guards.js";
import { clientAddress } from "../../http/middleware.js";
import { renderPrivate } from "../../http/page.js";
import { createSession } from "../../http/sessions.js";
import { CsrfField, ErrorSummary, Field, Notice, PageHeader } from "../../web/components.js";
import { changeOwnPassword } from "../directory/people.service.js";
import { mailCategories, mailOptOutOf, setMailPreferences } from "../mail/mail.preferences.service.js";
import { setSessionCookie } from "./auth.pages.js";

/** A person's own account: who they are, and a password change. */
export function accountPages() {
  const app = new Hono<AppEnv>();
  const page = async (c: AppContext, errors?: Record<string, string>, message?: string) => {
    const me = requirePerson(c);
    const optOut = new Set(await mailOptOutOf(c.var.deps, me.id));
    return renderPrivate(c, {
      title: "My account",
      body: () => (
        <>
          <PageHeader title="My account" />
          <Notice
            text={
              c.req.query("done") === "password"
                ? "Your password was changed. Other sessions were signed out."
                : c.req.query("done") === "mail"
                  ? "Your mail choices were saved."
                  : null
            }
          />
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
            <a href="/private/account/two-factor">An authenticator app, recovery codes and passkeys</a>: a
            second proof that it is you when you sign in.
          </p>
          <h2>Sessions and devices</h2>
          <p>
            <a href="/private/account/sessions">Where you are signed in, and your API tokens</a>: end any of
            them.
          </p>
          <h2>Calendar</h2>
          <p>
            <a href="/private/calendar">My calendar feed</a>: subscribe to every meeting you may see in your
            calendar application.
          </p>
          <h2>Mail</h2>
          <form method="post" action="/private/account/mail" class="form" novalidate>
            <CsrfField token={c.var.csrfToken()} />
            <fieldset>
              <legend>The mail you get</legend>
              {Object.entries(mailCategories).map(([k, label]) => (
                <div class="field checkbox">
                  <input type="checkbox" id={`mail-${k}`} name="receive" value={k} checked={!optOut.has(k)} />
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
            <ErrorSummary errors={errors} message={message} />
            <CsrfField token={c.var.csrfToken()} />
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
      ),
    });
  };

  app.get("/private/account", async (c) => page(c));

  app.post("/private/account/mail", async (c) => {
    const me = requirePerson(c);
    return handleForm(
      c,
      async (body) => {
        await setMailPreferences(c.var.deps, me, body);
        return "/private/account?done=mail";
      },
      (_body, errors, message) => page(c, errors, message),
    );
  });
  app.post("/private/account/password", async (c) => {
    const me = requirePerson(c);
    return handleForm(
      c,
      async (body) => {
        await changeOwnPassword(c.var.deps, me, body, { ip: clientAddress(c) });
        // Changing the password ends every session; keep this browser signed in with a fresh one.
        const token = await createSession(c.var.deps.db, me.id, c.var.deps.now(), {
          ip: clientAddress(c),
          userAgent: c.req.header("user-agent"),
        });
        setSessionCookie(c, token);
        return "/private/account?done=password";
      },
      (_body, errors, message) => page(c, errors, message),
    );
  });
  return app;
}
