import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { clientAddress } from "../../http/middleware.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { guardResetLink, personForResetLink, requestPasswordReset, resetPassword } from "./reset.service.js";
import { NewPasswordForm, ResetRequestForm } from "./views/reset-forms.js";

type Errors = Record<string, string> | undefined;
const SENT =
  "If an account has this address, we sent it a link to choose a new password. It works once, for one hour.";

function requestPage(c: AppContext, email = "", errors?: Errors, message?: string) {
  return renderPage(
    c,
    {
      title: "Forgotten password",
      body: () => (
        <ResetRequestForm
          email={email}
          sent={c.req.query("sent") ? SENT : null}
          csrf={c.var.csrfToken()}
          errors={errors}
          message={message}
        />
      ),
    },
    errors ? 422 : 200,
  );
}

function choosePage(c: AppContext, token: string, errors?: Errors, message?: string) {
  return renderPage(
    c,
    {
      title: "Choose a new password",
      body: () => (
        <NewPasswordForm token={token} csrf={c.var.csrfToken()} errors={errors} message={message} />
      ),
    },
    errors ? 422 : 200,
  );
}

async function sendResetLink(c: AppContext) {
  return handleForm(
    c,
    async (body) => {
      await requestPasswordReset(c.var.deps, body, { ip: clientAddress(c) });
      return "/sign-in/forgotten?sent=1";
    },
    (body, errors, message) => requestPage(c, String(body.email ?? ""), errors, message),
  );
}

/** The token of a live reset link; a wrong one counts as a guess against the address. */
async function liveLink(c: AppContext) {
  const token = c.req.param("token") ?? "";
  const live = Boolean(await personForResetLink(c.var.deps, token));
  await guardResetLink(c.var.deps, clientAddress(c), live);
  if (!live) throw notFound("This reset link (it may have been used or have expired)");
  return token;
}

const newPasswordForm = async (c: AppContext) => choosePage(c, await liveLink(c));

async function setNewPassword(c: AppContext) {
  const token = await liveLink(c);
  return handleForm(
    c,
    async (body) => {
      await resetPassword(c.var.deps, token, body);
      return "/sign-in?done=reset";
    },
    (_body, errors, message) => choosePage(c, token, errors, message),
  );
}

/** Self-service password reset by a mailed, single-use, one-hour link. */
export const resetPages = pageGroup([
  ["GET", "/sign-in/forgotten", (c) => requestPage(c)],
  ["POST", "/sign-in/forgotten", sendResetLink],
  ["GET", "/reset/:token", newPasswordForm],
  ["POST", "/reset/:token", setNewPassword],
]);
