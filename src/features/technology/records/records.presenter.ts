import { z } from "@hono/zod-openapi";
import { capabilityValues } from "./capabilities.service.js";
import { needValues } from "./needs.service.js";
import type { Capability as CapabilityRow, Need as NeedRow } from "./records.queries.js";

// Ranges are checked by the use case, whose messages name the field; the document states them.
const trl = z.number().int().openapi({ description: "technology readiness level, 1 to 9", example: 6 });
/** An agency's capability (its TRL for a technology) in the API. */
export const Capability = z
  .object({
    id: z.number().int(),
    agency: z.string().openapi({ example: "ESA" }),
    technology: z.string().openapi({ example: "GER-019" }),
    currentTrl: trl,
    targetTrl: trl,
    targetDate: z.string().openapi({ example: "2030-06-01" }),
    note: z.string(),
    evidenceUrl: z.string().nullable(),
  })
  .openapi("Capability");

/** A technology need of a mission or an architecture element in the API. */
export const Need = z
  .object({
    id: z.number().int(),
    mission: z.string().nullable().openapi({ description: "mission slug", example: "argonaut" }),
    element: z.string().nullable().openapi({ description: "architecture element, when no mission" }),
    technology: z.string().openapi({ example: "GER-018" }),
    trlNeeded: trl,
    neededBy: z.string().openapi({ example: "2028-01-01" }),
    note: z.string(),
  })
  .openapi("TechnologyNeed");

/** A capability for the API: the values the forms and the exports also use, held to the schema. */
export const capabilityJson = (c: CapabilityRow): z.infer<typeof Capability> => capabilityValues(c);

/** A need for the API: the values the forms and the exports also use, held to the schema. */
export const needJson = (n: NeedRow): z.infer<typeof Need> => needValues(n);
