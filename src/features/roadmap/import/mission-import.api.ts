import { createRoute, z } from "@hono/zod-openapi";
import { apiPerson } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import {
  answerImport,
  importProblem,
  importQuery,
  importReportSchema,
  importRequest,
  importResponses,
} from "../../../kit/imports.js";
import { importMissions } from "./mission-import.service.js";

const ImportReport = importReportSchema(
  "ImportReport",
  {
    created: z.array(z.string()).openapi({ description: "slugs of the missions created (or to create)" }),
    updated: z.array(z.string()).openapi({ description: "slugs of the missions changed (or to change)" }),
    unchanged: z.number().int(),
  },
  importProblem.openapi("ImportProblem"),
);

/** Registers POST /missions/import: CSV or JSON, dry run or all-or-nothing import. */
export function registerMissionImportApi(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/missions/import",
      tags: ["Roadmap"],
      summary: "Import missions from CSV or JSON",
      description:
        "The body is a file as the exports write it (text/csv, or application/json: an array of missions). " +
        "Missions are matched by slug: new slugs are created, existing ones updated (fields left out keep " +
        "their value); none is deleted. A focal point imports only missions led by their own agency. " +
        "With dryRun=true (the default) nothing changes and every bad row is reported; with dryRun=false " +
        "the import is all-or-nothing: any bad row answers 422 with the report and nothing changes.",
      security: [{ session: [] }],
      request: {
        query: importQuery,
        body: {
          content: {
            "text/csv": { schema: z.string().openapi({ example: "slug,name,destination,status\n" }) },
            "application/json": {
              schema: z
                .unknown()
                .openapi({ description: "an array of missions as GET /missions lists them" }),
            },
          },
          // Not required here: the body is read as text below, whatever its type (CSV is not JSON).
          required: false,
        },
      },
      responses: importResponses(ImportReport, "Not a focal point or the secretariat"),
    }),
    async (c) => {
      const actor = apiPerson(c);
      const file = await importRequest(c);
      return answerImport(c, () => importMissions(c.var.deps, actor, file));
    },
  );
}
