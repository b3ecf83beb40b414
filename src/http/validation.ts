import type { z } from "zod";
import { AppError, type FieldErrors } from "./errors.js";

/** Parses input with a Zod schema or throws a validation AppError with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_form";
    fields[key] ??= issue.message;
  }
  throw new AppError("validation_failed", "Please correct the highlighted fields.", fields);
}
