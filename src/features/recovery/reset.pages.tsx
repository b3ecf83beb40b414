import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { clientAddress } from "../../http/middleware.js";
import { renderPage } from "../../http/page.js";
import { CsrfField, ErrorSummary, Field, NewPasswordFields, Notice } from "../../web/components.js";
import { guardResetLink, personForResetLink, requestPasswordReset, resetPassword } from "./reset.service.js";

type Errors = Record<string, string> | undefined;
const SENT =
  "If an account has this address, we sent it a link to choose a new password. It works once, for one hour.";

function requestPage(c: AppContext, email = "", errors?: Errors, message?: string) {
  return renderPage(
    c,
    {
      title: "Forgotten password",
      body: () => (
        <div class="wrap narrow">
          <h1>Forgotten your password?</h1>
          <Notice text={c.req.query("sent") ? SENT : null} />
          <p class="lead">
            Enter the e-mail address of your account and we will mail you a link to choose a new one.
          </p>
          <form method="post" action="/sign-in/forgotten" class="form" novalidate>
            <ErrorSummary errors={errors} message={message} />
            <CsrfField token={c.var.csrfToken()} />
            <Field
              name="email"
              label="E-mail address"
              type="email"
              autocomplete="username"
              value={email}
              errors={errors}
              required
            />
            <button class="button" type="submit">
              Send the link
            </button>
          </form>
          <p>
            <a href="/sign-in">Back to sign-in</a>
          </p>
        </div>
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
        <div class="wrap narrow">
          <h1>Choose a new password</h1>
          <p class="lead">
            Every session of your account ends, here and on other devices; then sign in again.
          </p>
          <form method="post" action={`/reset/${token}`} class="form" novalidate>
            <ErrorSummary errors={errors} message={message} />
            <CsrfField token={c.var.csrfToken()} />
            <NewPasswordFields errors={errors} label="New password" />
            <button class="button" type="submit">
              Set the new password
            </button>
          </form>
        </div>
      ),
    },
    errors ? 422 : 200,
  );
}

/** Self-service password reset by a mailed, single-use, one-hour link. */
export function resetPages() {
  const app = new Hono<AppEnv>();

  app.get("/sign-in/forgotten", (c) => requestPage(c));
  app.post("/sign-in/forgotten", (c) =>
    handleForm(
      c,
      async (body) => {
        await requestPasswordReset(c.var.deps, body, { ip: clientAddress(c) });
        return "/sign-in/forgotten?sent=1";
      },
      (body, errors, message) => requestPage(c, String(body.email ?? ""), errors, message),
    ),
  );

  const liveLink = async (c: AppContext) => {
    const token = c.req.param("token") ?? "";
    const live = Boolean(await personForResetLink(c.var.deps, token));
    await guardResetLink(c.var.deps, clientAddress(c), live);
    if (!live) throw notFound("This reset link (it may have been used or have expired)");
    return token;
  };

  app.get("/reset/:token", async (c) => choosePage(c, await liveLink(c)));
  app.post("/reset/:token", async (c) => {
    const token = await liveLink(c);
    return handleForm(
      c,
      async (body) => {
        await resetPassword(c.var.deps, token, body);
        return "/sign-in?done=reset";
      },
      (_body, errors, message) => choosePage(c, token, errors, message),
    );
  });

  return app;
}
