import { z } from "@hono/zod-openapi";
import type { AgendaItem } from "./agenda.queries.js";

/** An item of a meeting's agenda in the API, with its presenter and files. */
export const AgendaItemSchema = z
  .object({
    id: z.number(),
    position: z.number(),
    title: z.string(),
    startTime: z.string().nullable().openapi({ description: "HH:MM local to the meeting" }),
    durationMinutes: z.number().nullable(),
    presenterAgency: z.string().nullable(),
    presenterPerson: z.number().nullable(),
    presenterName: z.string().nullable(),
    notes: z.string(),
    files: z.array(
      z.object({ id: z.number(), name: z.string(), type: z.string(), size: z.number(), url: z.string() }),
    ),
  })
  .openapi("AgendaItem");

/** An agenda item for the API, its files' addresses under the meeting `slug`. */
export const itemJson = (slug: string, i: AgendaItem): z.infer<typeof AgendaItemSchema> => ({
  id: i.id,
  position: i.position,
  title: i.title,
  startTime: i.startTime,
  durationMinutes: i.durationMinutes,
  presenterAgency: i.presenterAgency,
  presenterPerson: i.presenterPersonId,
  presenterName: i.presenterName,
  notes: i.notes,
  files: i.files.map((f) => ({
    id: f.id,
    name: f.name,
    type: f.type,
    size: f.size,
    url: `/private/meetings/${slug}/files/${f.id}`,
  })),
});
