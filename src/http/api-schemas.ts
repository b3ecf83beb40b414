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

/** An error response with its own description. */
export const errorResponse = (description: string) => json(ErrorBody, description);

/** The error responses of a protected write route. */
export const errors = {
  401: errorResponse("Not signed in"),
  403: errorResponse("Not allowed for this role or agency"),
  404: errorResponse("Not found"),
  422: errorResponse("Invalid input; `fields` says which"),
};
