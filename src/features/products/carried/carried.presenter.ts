import { z } from "@hono/zod-openapi";
import type { CarriedItem } from "./carried.queries.js";
import { carriedStatusLabels } from "./carried.service.js";

const Section = z.object({ number: z.string(), title: z.string(), text: z.string() }).nullable();
/** A comment carried to a later version in the API, with its section before and after. */
export const CarriedJson = z
  .object({
    round: z.number().int(),
    comment: z.number().int(),
    agency: z.string(),
    text: z.string(),
    status: z.enum(["unchanged", "moved", "text_changed", "orphaned"]),
    statusLabel: z.string().openapi({ example: "Text changed" }),
    disposition: z.string().nullable(),
    writtenOnVersion: z.number().int(),
    before: Section,
    after: Section,
    confirmedAt: z.string().nullable().openapi({ description: "when the editors confirmed it" }),
  })
  .openapi("CarriedComment");

/** A carried comment for the API. */
export const carriedJson = (i: CarriedItem): z.infer<typeof CarriedJson> => ({
  round: i.round,
  comment: i.number,
  agency: i.agency,
  text: i.text,
  status: i.carried.status,
  statusLabel: carriedStatusLabels[i.carried.status],
  disposition: i.disposition,
  writtenOnVersion: i.writtenOnNumber,
  before: i.carried.before,
  after: i.carried.after,
  confirmedAt: i.confirmed?.at.toISOString() ?? null,
});
