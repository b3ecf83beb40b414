import { AppError } from "./errors.js";

/**
 * The fields both drivers (node-postgres and PGlite) put on an error the server sent. SQLSTATE codes:
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
export type ServerError = {
  code: string;
  severity: string;
  message: string;
  detail?: string;
  constraint?: string;
  column?: string;
};

/** The PostgreSQL error behind `err`, looking under Drizzle's `DrizzleQueryError` (its `cause`). */
export function serverError(err: unknown): ServerError | undefined {
  let e = err;
  for (let depth = 0; depth < 4 && e !== null && typeof e === "object"; depth++) {
    const { code, severity } = e as { code?: unknown; severity?: unknown };
    // Node's own errors have codes too ("EPIPE"), but never a severity.
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && typeof severity === "string") {
      return e as ServerError;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

// Words people use for the columns a unique key is usually on.
const labels: Record<string, string> = { slug: "address", email: "e-mail address" };

/** The single column a unique key's detail names ("Key (slug)=(x)", "Key (lower(email))=(x)"), if one. */
function keyColumn(detail: string | undefined): string | undefined {
  return /^Key \((?:lower\()?([a-z_]+)\)?\)=/.exec(detail ?? "")?.[1];
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());

/** A unique key taken by a write that got there first (two creates racing past the service's check). */
function taken(e: ServerError): AppError {
  const column = keyColumn(e.detail);
  if (!column) {
    return new AppError(
      "conflict",
      "The same record was saved a moment ago by another change. Please reload and check.",
    );
  }
  const label = labels[column] ?? column.replace(/_/g, " ");
  return new AppError(
    "conflict",
    `This ${label} was taken a moment ago by another change. Please check and try again.`,
    {
      [camel(column)]: `Taken a moment ago by another change: choose another ${label}, or reload and check.`,
    },
  );
}

const unstorable =
  "The text contains a character that cannot be stored (a NUL byte or a broken Unicode character). Remove it and try again.";

const wrongForm = "A value is not in the expected form.";

const concurrent = () =>
  new AppError(
    "conflict",
    "Another change to the same records happened at the same moment. Please try again.",
  );

/** What each SQLSTATE a visitor's input can cause means for them; other codes fall back to their class. */
const byCode: Record<string, (e: ServerError) => AppError> = {
  "23505": taken,
  "23503": (e) =>
    /still referenced/.test(e.detail ?? "")
      ? new AppError("conflict", "Other records still refer to this one, so it cannot be removed.")
      : new AppError(
          "conflict",
          "This refers to a record that no longer exists. Please reload and try again.",
        ),
  "23502": (e) =>
    new AppError(
      "validation_failed",
      "A required value is missing.",
      e.column ? { [camel(e.column)]: "Required." } : {},
    ),
  "22021": () => new AppError("validation_failed", unstorable),
  "22P05": () => new AppError("validation_failed", unstorable),
  // Invalid text representation; inside JSON that is how a lone surrogate ("\ud800") is refused.
  "22P02": (e) =>
    new AppError("validation_failed", /surrogate/.test(e.detail ?? "") ? unstorable : wrongForm),
  "22001": () => new AppError("validation_failed", "A value is too long."),
  "54000": () => new AppError("validation_failed", "A value is too long."),
  "22003": () => new AppError("validation_failed", "A number is out of range."),
  // A serialization failure or a deadlock: the other change won; this one can simply be sent again.
  "40001": concurrent,
  "40P01": concurrent,
};

/**
 * Translates a database error caused by what was sent (a unique key taken by a racing write, text
 * PostgreSQL cannot hold, a value out of range) into the AppError it means; undefined for anything
 * else (a lost connection, a bug), which stays an internal error.
 */
export function fromDatabaseError(err: unknown): AppError | undefined {
  const e = serverError(err);
  if (!e) return undefined;
  const mapped = byCode[e.code];
  if (mapped) return mapped(e);
  // Class 22 is "data exception" (a value of the wrong form), class 23 "integrity constraint violation".
  if (e.code.startsWith("22")) return new AppError("validation_failed", wrongForm);
  if (e.code.startsWith("23")) return new AppError("validation_failed", "A value is not allowed here.");
  return undefined;
}
