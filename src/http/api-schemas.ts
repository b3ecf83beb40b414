import { z } from "@hono/zod-openapi";

/** The one error body every API route answers with, documented once as `Error`. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "validation_failed" }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
      requestId: z.string(),
    }),
  })
  .openapi("Error");

/** A documented JSON response. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** A required JSON request body. */
export const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

type Change<T extends z.ZodType> =
  T extends z.ZodDefault<infer Inner extends z.ZodType> ? z.ZodOptional<Inner> : z.ZodOptional<T>;

/**
 * The body of a change (PATCH) derived from a feature's write schema: every field optional and
 * without its default, so a field left out keeps its value instead of being reset.
 */
export function changeOf<Shape extends Record<string, z.ZodType>>(schema: z.ZodObject<Shape>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = inner.optional();
  }
  return z.object(shape) as unknown as z.ZodObject<{ [K in keyof Shape]: Change<Shape[K]> }>;
}

/**
 * A request body documented with the feature's own schema and parsed by the use case, after its
 * policy: a member without the right gets 403, not a list of field errors, and a refused field is
 * named as the form names it. The route only refuses a body that is not a JSON object (422);
 * `c.req.valid("json")` is the body as sent.
 */
export function parsedByUseCase(schema: z.ZodType, name: string) {
  const documented = schema.openapi(name);
  const asSent: typeof documented.safeParseAsync = async (data, params) =>
    data !== null && typeof data === "object" && !Array.isArray(data)
      ? { success: true, data }
      : schema.safeParseAsync(data, params);
  Object.assign(documented, { safeParseAsync: asSent });
  return documented as z.ZodType<Record<string, unknown>>;
}

/** An error response with its own description. */
export const errorResponse = (description: string) => json(ErrorBody, description);

/** The error responses of a protected write route. */
export const errors = {
  401: errorResponse("Not signed in"),
  403: errorResponse("Not allowed for this role or agency"),
  404: errorResponse("Not found"),
  422: errorResponse("Invalid input; `fields` says which"),
};
