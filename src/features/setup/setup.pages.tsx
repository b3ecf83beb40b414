import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { clientAddress } from "../../http/middleware.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { createSession } from "../../http/sessions.js";
import { setSessionCookie } from "../auth/auth.pages.js";
import { recordFailedGuess, refuseWhileThrottled } from "../auth/guess-throttle.service.js";
import { rolesOf } from "../two-factor/factors.queries.js";
import { mustEnrol } from "../two-factor/requirement.service.js";
import { completeSetup, isLiveSetupCode } from "./setup.service.js";
import { SetupForm } from "./views/setup-form.js";

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
        <SetupForm code={code} csrf={c.var.csrfToken()} text={text} errors={errors} message={message} />
      ),
    },
    errors ? 422 : 200,
  );
}

/** The code in the address, while it is live; a wrong code is a guess like a wrong password. */
async function liveCode(c: AppContext): Promise<string> {
  const code = c.req.param("code") ?? "";
  const guess = { scope: "setup", account: "setup", address: clientAddress(c) } as const;
  await refuseWhileThrottled(c.var.deps.db, guess, c.var.deps.now());
  if (await isLiveSetupCode(c.var.deps, code)) return code;
  await recordFailedGuess(c.var.deps.db, guess, c.var.deps.now());
  throw notFound("This page");
}

const setupForm = async (c: AppContext) => setupPage(c, await liveCode(c));

async function createFirstAccount(c: AppContext) {
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
}

/**
 * The first run in the browser: the address printed in the log at start opens a form for the first
 * secretariat account. A wrong code is a guess like a wrong password, and throttled the same way.
 */
export const setupPages = pageGroup([
  ["GET", "/setup/:code", setupForm],
  ["POST", "/setup/:code", createFirstAccount],
]);
