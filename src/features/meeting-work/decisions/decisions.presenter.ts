import { z } from "@hono/zod-openapi";
import type { Decision } from "./decisions.queries.js";

/** A meeting's decision in the API. */
export const DecisionSchema = z
  .object({
    id: z.number(),
    number: z.number(),
    label: z.string().openapi({ example: "D3" }),
    text: z.string(),
  })
  .openapi("Decision");

/** A decision for the API, labelled D and its number. */
export const decisionJson = (d: Decision): z.infer<typeof DecisionSchema> => ({
  id: d.id,
  number: d.number,
  label: `D${d.number}`,
  text: d.text,
});
