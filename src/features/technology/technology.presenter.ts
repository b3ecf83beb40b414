import { z } from "@hono/zod-openapi";
import { destinations } from "../../db/schema/index.js";
import { technologyValues } from "./ctl/ctl.service.js";
import type { AreaRow, Technology } from "./technology.queries.js";

/** An area of the Critical Technology List in the API. */
export const Area = z
  .object({ code: z.string().openapi({ example: "PROP" }), name: z.string(), description: z.string() })
  .openapi("TechnologyArea");
/** A technology of the Critical Technology List as the API writes it. */
export const TechnologyBody = z
  .object({
    code: z.string().openapi({ example: "GER-019" }),
    area: z.string().openapi({ example: "ROBO" }),
    title: z.string(),
    description: z.string(),
    destinations: z.array(z.enum(destinations)),
    uncertain: z.boolean(),
    uncertainNote: z.string(),
    sources: z.array(z.string()),
  })
  .openapi("Technology");

/** An area for the API. */
export const areaJson = (a: AreaRow): z.infer<typeof Area> => ({
  code: a.code,
  name: a.name,
  description: a.description,
});

/** A technology for the API: the values the forms and the exports also use, held to the schema. */
export const technologyJson = (t: Technology): z.infer<typeof TechnologyBody> => technologyValues(t);
