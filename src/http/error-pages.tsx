import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppContext, AppEnv } from "./env.js";
import { AppError } from "./errors.js";
import { renderPage } from "./page.js";
import { loggablePath } from "./redact.js";

const titles: Record<number, string> = {
  401: "Please sign in",
  403: "Not allowed",
  404: "Page not found",
  409: "Conflict",
  413: "Too large",
  422: "Check your input",
  429: "Too many attempts",
  500: "Something went wrong",
  503: "Busy, please try again",
};

/** How long a client told "busy" (503) should wait before asking again, in seconds. */
const RETRY_AFTER_SECONDS = "5";

/** Turns anything thrown into an AppError; unknown errors become `internal` (and are logged). */
export function toAppError(err: unknown, c: Context<AppEnv>): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException && err.status === 413)
    return new AppError("payload_too_large", "The request is too large.");
  if (err instanceof HTTPException && err.status < 500)
    return new AppError("validation_failed", err.message || "Bad request.");
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
export function errorPage(c: AppContext, status: number, message: string) {
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
