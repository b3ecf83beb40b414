/** Stable error codes; each maps to one HTTP status in `statusOf`. */
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "csrf_failed"
  | "rate_limited"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unavailable"
  | "internal";

const statusByCode: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503> = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  csrf_failed: 403,
  rate_limited: 429,
  payload_too_large: 413,
  // A body the route cannot read at all (not JSON on the API): no field is wrong, the envelope is.
  unsupported_media_type: 415,
  internal: 500,
  // Too busy for now (a full queue of work) or the database is away; answered with Retry-After.
  unavailable: 503,
};

/** Field-level messages, keyed by the input field name. */
export type FieldErrors = Record<string, string>;

/** The one error type of the platform: a stable code, a human message, optional field errors. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }

  get status() {
    return statusOf(this.code);
  }
}

/** A refusal that says when to come back: answered 429 with Retry-After. */
export class TryLater extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", message);
  }
}

/** The HTTP status for an error code. */
export function statusOf(code: ErrorCode) {
  return statusByCode[code];
}

/** Shorthands used by services and handlers. */
export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
export const forbidden = (why = "You are not allowed to do this.") => new AppError("forbidden", why);
export const invalid = (fields: FieldErrors, message = "Please correct the highlighted fields.") =>
  new AppError("validation_failed", message, fields);
