import { createRoute, z } from "@hono/zod-openapi";
import { json } from "../../http/api-schemas.js";
import type { Api } from "../../http/openapi.js";
import { registerEditionAdminApi } from "./editions.admin.api.js";
import { registerEditionsApi } from "./editions.api.js";
import { Objective, objectivesJson } from "./ger.presenter.js";
import { loadFramework } from "./ger.queries.js";

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
      return c.json({ data: objectivesJson(f) }, 200);
    },
  );
  registerEditionsApi(api);
  registerEditionAdminApi(api);
}
