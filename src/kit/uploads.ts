import type { AppContext } from "../http/env.js";
import { AppError, type FieldErrors } from "../http/errors.js";
import type { FormValues } from "./forms.js";

/** A file as it arrived in a form. */
export type UploadedFile = { name: string; type: string; bytes: Uint8Array };

/** Reads a multipart (or plain) form: text fields as values, the `file` field as bytes. */
export async function uploadBody(
  c: AppContext,
): Promise<{ values: Record<string, string>; file: UploadedFile | null }> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  let file: UploadedFile | null = null;
  for (const [k, v] of Object.entries(body)) {
    const x = Array.isArray(v) ? v[0] : v;
    if (k === "_csrf" || x === undefined) continue;
    if (typeof x === "string") values[k] = x;
    else if (k === "file" && x.size > 0) {
      file = { name: x.name, type: x.type, bytes: new Uint8Array(await x.arrayBuffer()) };
    }
  }
  return { values, file };
}

/** Like handleForm, with the uploaded file passed to the use case; a refused file leaves nothing behind. */
export async function handleUpload(
  c: AppContext,
  run: (values: Record<string, string>, file: UploadedFile | null) => Promise<string>,
  rerender: (values: FormValues, errors: FieldErrors, message: string) => Promise<Response>,
) {
  const { values, file } = await uploadBody(c);
  try {
    return c.redirect(await run(values, file), 303);
  } catch (e) {
    if (e instanceof AppError && e.code === "validation_failed") {
      const res = await rerender(values, e.fields ?? {}, e.message);
      return new Response(res.body, { status: 422, headers: res.headers });
    }
    throw e;
  }
}
