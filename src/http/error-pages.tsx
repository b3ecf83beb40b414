import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { isDatabaseUnreachable } from "../db/unreachable.js";
import { fromDatabaseError, serverError } from "./db-errors.js";
import type { AppContext, AppEnv } from "./env.js";
import { AppError, TryLater } from "./errors.js";
import { renderPage } from "./page.js";
import { loggablePath } from "./redact.js";

const titles: Record<number, string> = {
  400: "Bad request",
  401: "Please sign in",
  403: "Not allowed",
  404: "Page not found",
  409: "Conflict",
  413: "Too large",
  415: "Unsupported format",
  422: "Check your input",
  429: "Too many attempts",
  500: "Something went wrong",
  503: "Temporarily unavailable",
};

/** How long a client told "unavailable" (503: busy, or the database away) waits before asking again, in seconds. */
const RETRY_AFTER_SECONDS = "5";

/**
 * Turns anything thrown into an AppError: database errors caused by the input (a unique key taken by a
 * racing write, text PostgreSQL cannot hold) become what they mean; unknown errors become `internal`
 * (and are logged).
 */
export function toAppError(err: unknown, c: Context<AppEnv>): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException && err.status === 413)
    return new AppError("payload_too_large", "The request is too large.");
  if (err instanceof HTTPException && err.status === 415)
    return new AppError(
      "unsupported_media_type",
      "Send the request body as JSON, with the header Content-Type: application/json.",
    );
  if (err instanceof HTTPException && err.status < 500)
    return new AppError("validation_failed", err.message || "Bad request.");
  if (isDatabaseUnreachable(err)) {
    c.var.deps?.log.warn("database unreachable", {
      requestId: c.var.requestId,
      path: loggablePath(c.req.path),
    });
    return new AppError(
      "unavailable",
      "The database cannot be reached just now; nothing was changed. Please try again in a minute.",
    );
  }
  const refused = fromDatabaseError(err);
  if (refused) {
    // Not a bug in itself, but worth seeing: a race, or input a schema could have refused earlier.
    c.var.deps?.log.warn("database refused the request", {
      requestId: c.var.requestId,
      path: loggablePath(c.req.path),
      sqlstate: serverError(err)?.code,
      constraint: serverError(err)?.constraint,
    });
    return refused;
  }
  c.var.deps?.log.error("unhandled error", {
    requestId: c.var.requestId,
    path: loggablePath(c.req.path),
    error: err instanceof Error ? (err.stack ?? err.message) : String(err),
  });
  return new AppError("internal", "Something went wrong on our side. It has been logged; please try again.");
}

/** The one error handler: JSON with a stable code for the API, a page for everyone else. */
export async function handleError(err: unknown, c: AppContext): Promise<Response> {
  let e = toAppError(err, c);
  // A visitor refused by a policy needs to sign in, not a "forbidden".
  if (e.code === "forbidden" && c.var.actor?.kind === "visitor")
    e = new AppError("unauthenticated", "Please sign in first.");
  if (e.status === 503) c.header("Retry-After", RETRY_AFTER_SECONDS);
  if (e instanceof TryLater) c.header("Retry-After", String(e.retryAfterSeconds));
  if (c.req.path.startsWith("/api/")) {
    return c.json(
      { error: { code: e.code, message: e.message, fields: e.fields, requestId: c.var.requestId } },
      e.status,
    );
  }
  if (e.code === "unauthenticated") {
    const next = c.req.method === "GET" ? c.req.path + (new URL(c.req.url).search || "") : "/private";
    return c.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
  }
  return errorPage(c, e.status, e.message);
}

/** A friendly page for an error status, with the request id to quote to the secretariat. */
export async function errorPage(c: AppContext, status: number, message: string) {
  try {
    return await framedErrorPage(c, status, message);
  } catch {
    // The site's frame needs the database; when even that fails, a bare page still says what happened.
    return c.html(
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{titles[status] ?? "Error"}</title>
        </head>
        <body>
          <h1>{titles[status] ?? "Error"}</h1>
          <p>{message}</p>
          <p>Reference: {c.var.requestId}</p>
        </body>
      </html>,
      status as 503,
    );
  }
}

function framedErrorPage(c: AppContext, status: number, message: string) {
  return renderPage(
    c,
    {
      title: titles[status] ?? "Error",
      body: () => (
        <div class="wrap narrow error-page">
          <p class="eyebrow">Error {status}</p>
          <h1>{titles[status] ?? "Error"}</h1>
          <p class="lead">{message}</p>
          <p>
            <a href="/">Go to the home page</a> or <a href="/members">browse the members</a>.
          </p>
          <p class="muted small">Reference: {c.var.requestId}</p>
        </div>
      ),
    },
    status as 404,
  );
}
