import { z } from "@hono/zod-openapi";
import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { apiPerson } from "../../http/guards.js";
import { findMeetingBySlug } from "../meetings/meetings.queries.js";

/** OpenAPI tag and security of every meeting-work route. */
export const tags = ["Meetings"];
export const security = [{ session: [] }];
/** A string path parameter named `name`. */
export const param = (name: string) => z.string().openapi({ param: { name, in: "path" } });
export const slugParam = z.object({ slug: param("slug") });

/** The meeting with this slug, for a signed-in person; 404 when there is none. */
export async function meeting(c: AppContext, slug: string) {
  apiPerson(c);
  const m = await findMeetingBySlug(c.var.deps.db, slug);
  if (!m) throw notFound("The meeting");
  return m;
}
