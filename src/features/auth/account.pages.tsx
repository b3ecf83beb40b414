import type { AppContext } from "../../http/env.js";
import { handleForm } from "../../http/forms.js";
import { requirePerson } from "../../http/guards.js";
import { clientAddress } from "../../http/middleware.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { createSession } from "../../http/sessions.js";
import { changeOwnPassword } from "../directory/people.service.js";
import { mailCategories, mailOptOutOf, setMailPreferences } from "../mail/mail.preferences.service.js";
import { setSessionCookie } from "./auth.pages.js";
import { AccountPage } from "./views/account-page.js";

const notice = (done: string | undefined) =>
  done === "password"
    ? "Your password was changed. Other sessions were signed out."
    : done === "mail"
      ? "Your mail choices were saved."
      : null;

async function accountPage(c: AppContext, errors?: Record<string, string>, message?: string) {
  const me = requirePerson(c);
  const optOut = new Set(await mailOptOutOf(c.var.deps, me.id));
  return renderPrivate(c, {
    title: "My account",
    body: () => (
      <AccountPage
        me={me}
        notice={notice(c.req.query("done"))}
        categories={mailCategories}
        optOut={optOut}
        csrf={c.var.csrfToken()}
        errors={errors}
        message={message}
      />
    ),
  });
}

async function saveMailChoices(c: AppContext) {
  const me = requirePerson(c);
  return handleForm(
    c,
    async (body) => {
      await setMailPreferences(c.var.deps, me, body);
      return "/private/account?done=mail";
    },
    (_body, errors, message) => accountPage(c, errors, message),
  );
}

async function changePassword(c: AppContext) {
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
    (_body, errors, message) => accountPage(c, errors, message),
  );
}

/** A person's own account: who they are, their mail choices and a password change. */
export const accountPages = pageGroup([
  ["GET", "/private/account", (c) => accountPage(c)],
  ["POST", "/private/account/mail", saveMailChoices],
  ["POST", "/private/account/password", changePassword],
]);
