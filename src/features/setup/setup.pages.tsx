import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { clientAddress } from "../../http/middleware.js";
import { renderPage } from "../../http/page.js";
import { createSession } from "../../http/sessions.js";
import { CsrfField, ErrorSummary, Field, NewPasswordFields } from "../../web/components.js";
import { setSessionCookie } from "../auth/auth.pages.js";
import { recordFailedGuess, refuseWhileThrottled } from "../auth/guess-throttle.service.js";
import { rolesOf } from "../two-factor/factors.queries.js";
import { mustEnrol } from "../two-factor/requirement.service.js";
import { completeSetup, isLiveSetupCode } from "./setup.service.js";

type Values = Record<string, unknown>;

function setupPage(
  c: AppContext,
  code: string,
  values: Values = {},
  errors?: Record<string, string>,
  message?: string,
) {
  const text = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  return renderPage(
    c,
    {
      title: "Set up the platform",
      body: () => (
        <div class="wrap narrow">
          <h1>Set up the platform</h1>
          <p class="lead">
            Name the forum and create the first secretariat account. This address works once; afterwards the
            secretariat invites everyone else.
          </p>
          <form method="post" action={`/setup/${code}`} class="form" novalidate>
            <ErrorSummary errors={errors} message={message} />
            <CsrfField token={c.var.csrfToken()} />
            <Field
              name="forumName"
              label="Name of the forum"
              value={text("forumName")}
              errors={errors}
              required
            />
            <Field
              name="name"
              label="Your name"
              autocomplete="name"
              value={text("name")}
              errors={errors}
              required
            />
            <Field
              name="email"
              label="Your e-mail address"
              type="email"
              autocomplete="username"
              value={text("email")}
              errors={errors}
              required
            />
            <NewPasswordFields errors={errors} />
            <button class="button" type="submit">
              Create the secretariat account
            </button>
          </form>
        </div>
      ),
    },
    errors ? 422 : 200,
  );
}

/**
 * The first run in the browser: the address printed in the log at start opens a form for the first
 * secretariat account. A wrong code is a guess like a wrong password, and throttled the same way.
 */
export function setupPages() {
  const app = new Hono<AppEnv>();

  const liveCode = async (c: AppContext): Promise<string> => {
    const code = c.req.param("code") ?? "";
    const guess = { scope: "setup", account: "setup", address: clientAddress(c) } as const;
    await refuseWhileThrottled(c.var.deps.db, guess, c.var.deps.now());
    if (await isLiveSetupCode(c.var.deps, code)) return code;
    await recordFailedGuess(c.var.deps.db, guess, c.var.deps.now());
    throw notFound("This page");
  };

  app.get("/setup/:code", async (c) => setupPage(c, await liveCode(c)));

  app.post("/setup/:code", async (c) => {
    const code = await liveCode(c);
    return handleForm(
      c,
      async (body) => {
        const personId = await completeSetup(c.var.deps, code, body);
        const token = await createSession(c.var.deps.db, personId, c.var.deps.now(), {
          // A role that requires two factors (the secretariat, by default) enrols before anything else.
          mustEnrol: await mustEnrol(c.var.deps.db, {
            id: personId,
            roles: await rolesOf(c.var.deps.db, personId),
          }),
          ip: clientAddress(c),
          userAgent: c.req.header("user-agent"),
        });
        setSessionCookie(c, token);
        return "/private";
      },
      (values, errors, message) => setupPage(c, code, values, errors, message),
    );
  });

  return app;
}
