import { z } from "@hono/zod-openapi";
import { deliverableStatuses } from "../../db/schema/index.js";
import type { Deliverable as DeliverableRow } from "./workplan.queries.js";

/** A deliverable of a group's workplan in the API. */
export const Deliverable = z
  .object({
    id: z.number(),
    title: z.string(),
    ownerAgency: z.string().nullable(),
    ownerPerson: z.number().nullable(),
    due: z.string().nullable(),
    status: z.enum(deliverableStatuses),
    link: z
      .string()
      .nullable()
      .openapi({ description: "what it produced: a publication's address or a URL" }),
  })
  .openapi("Deliverable");

/** A group's outlook for a year in the API. */
export const Outlook = z
  .object({ year: z.number(), body: z.string().openapi({ description: "Markdown" }) })
  .openapi("Outlook");

/** A deliverable for the API. */
export const deliverableJson = (d: DeliverableRow): z.infer<typeof Deliverable> => ({
  id: d.id,
  title: d.title,
  ownerAgency: d.ownerAcronym,
  ownerPerson: d.ownerPersonId,
  due: d.dueOn,
  status: d.status,
  link: d.linkUrl,
});

/** An outlook for the API. */
export const outlookJson = (o: { year: number; body: string }): z.infer<typeof Outlook> => ({
  year: o.year,
  body: o.body,
});
