import type { AppContext } from "./env.js";
import { AppError, type FieldErrors } from "./errors.js";

/** The submitted form as plain values (repeated names become arrays), without the CSRF field. */
export async function formBody(c: AppContext): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "_csrf") continue;
    out[k] = Array.isArray(v) ? v.map(String) : String(v);
  }
  return out;
}

/**
 * Runs a form's use case: on success redirects (303, post/redirect/get); on bad input
 * re-renders the form with the messages (422). Other errors go to the error handler.
 */
export async function handleForm(
  c: AppContext,
  run: (body: Record<string, string | string[]>) => Promise<string>,
  rerender: (
    body: Record<string, string | string[]>,
    errors: FieldErrors,
    message: string,
  ) => Promise<Response>,
): Promise<Response> {
  const body = await formBody(c);
  try {
    return c.redirect(await run(body), 303);
  } catch (e) {
    if (e instanceof AppError && e.code === "validation_failed") {
      const res = await rerender(body, e.fields ?? {}, e.message);
      return new Response(res.body, { status: 422, headers: res.headers });
    }
    throw e;
  }
}

/** A value from a form body as a single string. */
export const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
