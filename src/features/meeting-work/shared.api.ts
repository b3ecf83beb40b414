import { z } from "@hono/zod-openapi";
import type { AppContext } from "../../http/env.js";
import { AppError, notFound } from "../../http/errors.js";
import type { Person } from "../auth/actor.js";
import { findMeetingBySlug } from "../meetings/meetings.queries.js";

/** OpenAPI tag and security of every meeting-work route. */
export const tags = ["Meetings"];
export const security = [{ session: [] }];
/** A string path parameter named `name`. */
export const param = (name: string) => z.string().openapi({ param: { name, in: "path" } });
export const slugParam = z.object({ slug: param("slug") });
/** A request body whose fields are all optional (the service validates them). */
export const loose = (name: string, shape: z.ZodRawShape) =>
  z.object(shape).partial().passthrough().openapi(name);

/** The signed-in person; the API answers 401 to anyone else. */
export function person(c: AppContext): Person {
  if (c.var.actor.kind !== "person") throw new AppError("unauthenticated", "Sign in first.");
  return c.var.actor;
}

/** The meeting with this slug, for a signed-in person; 404 when there is none. */
export async function meeting(c: AppContext, slug: string) {
  person(c);
  const m = await findMeetingBySlug(c.var.deps.db, slug);
  if (!m) throw notFound("The meeting");
  return m;
}
