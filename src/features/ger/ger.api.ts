import { createRoute, z } from "@hono/zod-openapi";
import { json } from "../../http/api-schemas.js";
import type { Api } from "../../http/openapi.js";
import { registerEditionAdminApi } from "./editions.admin.api.js";
import { registerEditionsApi } from "./editions.api.js";
import { loadFramework } from "./ger.queries.js";

const Objective = z
  .object({
    code: z.string().openapi({ example: "G4.1" }),
    title: z.string(),
    description: z.string().nullable(),
    goal: z.object({ code: z.string(), title: z.string() }),
    uncertain: z.boolean(),
    missions: z.array(z.string()).openapi({ description: "slugs of the missions serving it" }),
  })
  .openapi("Objective");

/** Registers the GER framework and editions endpoints. */
export function registerGerApi(api: Api) {
  const tags = ["Roadmap"];
  api.openapi(
    createRoute({
      method: "get",
      path: "/objectives",
      tags,
      summary: "GER goals' objectives and the missions serving each",
      responses: { 200: json(z.object({ data: z.array(Objective) }), "Objectives") },
    }),
    async (c) => {
      const f = await loadFramework(c.var.deps.db);
      const data = f.goals.flatMap((g) =>
        g.objectives.map((o) => ({
          code: o.code,
          title: o.title,
          description: o.description,
          goal: { code: g.code, title: g.title },
          uncertain: o.uncertain,
          missions: o.missions.map((m) => m.slug),
        })),
      );
      return c.json({ data }, 200);
    },
  );
  registerEditionsApi(api);
  registerEditionAdminApi(api);
}
