import type { BodyData } from "hono/utils/body";
import type { AppContext } from "./env.js";
import { toAppError } from "./error-pages.js";
import { AppError, type FieldErrors } from "./errors.js";
import { isUnstorable, UNSTORABLE_FIELD, UNSTORABLE_MESSAGE, withoutUnstorable } from "./input-guard.js";

export type Form = Record<string, string | string[]>;

/**
 * The request's form fields as Hono parses them (`all`: repeated names become arrays). A body that
 * says it is a form but cannot be read as one (a multipart body without its boundary) is a 400.
 */
export async function parseForm(c: AppContext, opts: { all?: boolean } = {}): Promise<BodyData> {
  try {
    return await c.req.parseBody(opts);
  } catch {
    throw new AppError(
      "bad_request",
      "The form could not be read. Please reload the page and send it again.",
    );
  }
}

/**
 * The submitted form as plain values, without the CSRF field. Characters no text column can store
 * (NUL, half a surrogate pair) are taken out and named in `problems`, so the form can be shown again
 * with a message instead of the database refusing the text.
 */
async function readForm(c: AppContext): Promise<{ body: Form; problems: FieldErrors | undefined }> {
  const parsed = await parseForm(c, { all: true });
  const body: Form = {};
  let problems: FieldErrors | undefined;
  for (const [k, v] of Object.entries(parsed)) {
    // No form has a field whose name holds such a character: drop it.
    if (k === "_csrf" || isUnstorable(k)) continue;
    const values = (Array.isArray(v) ? v : [v]).map(String);
    if (values.some(isUnstorable)) problems = { ...problems, [k]: UNSTORABLE_FIELD };
    const clean = values.map(withoutUnstorable);
    body[k] = Array.isArray(v) ? clean : clean[0]!;
  }
  return { body, problems };
}

/** The submitted form as plain values (repeated names become arrays), without the CSRF field; 422 on unstorable text. */
export async function formBody(c: AppContext): Promise<Form> {
  const { body, problems } = await readForm(c);
  if (problems) throw new AppError("validation_failed", UNSTORABLE_MESSAGE, problems);
  return body;
}

/**
 * Runs a form's use case: on success redirects (303, post/redirect/get); on bad input re-renders the
 * form with the messages (422), and likewise when a value was taken a moment ago by a racing write
 * (409, the database's unique key). Other errors go to the error handler.
 */
export async function handleForm(
  c: AppContext,
  run: (body: Form) => Promise<string>,
  rerender: (body: Form, errors: FieldErrors, message: string) => Promise<Response>,
): Promise<Response> {
  const { body, problems } = await readForm(c);
  try {
    if (problems) throw new AppError("validation_failed", UNSTORABLE_MESSAGE, problems);
    return c.redirect(await run(body), 303);
  } catch (err) {
    const e = toAppError(err, c);
    if (e.code === "validation_failed" || (e.code === "conflict" && e.fields)) {
      const res = await rerender(body, e.fields ?? {}, e.message);
      // A button with no form of its own (moving a question) goes back to its list instead: keep that.
      if (res.status >= 300 && res.status < 400) return res;
      return new Response(res.body, { status: e.status, headers: res.headers });
    }
    throw e;
  }
}

/** A value from a form body as a single string. */
export const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
