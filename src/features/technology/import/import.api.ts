import { createRoute, z } from "@hono/zod-openapi";
import { apiPerson } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import {
  answerImport,
  importQuery,
  importReportSchema,
  importRequest,
  importResponses,
} from "../../../kit/imports.js";
import { importTechnologyFile } from "./import.service.js";
import { type ImportKind, importKinds } from "./read.import.js";

const Report = importReportSchema("TechnologyImportReport", {
  kind: z.enum(importKinds),
  created: z.number().int(),
  updated: z.number().int(),
});

const Records = z.array(z.record(z.string(), z.unknown()));

const paths: Record<ImportKind, string> = {
  technologies: "/technologies/import",
  capabilities: "/capabilities/import",
  needs: "/technology-needs/import",
};
const who: Record<ImportKind, string> = {
  technologies: "The secretariat only. Technologies match by code.",
  capabilities:
    "Focal points (their own agency's rows only) and the secretariat. Capabilities match by agency and technology.",
  needs:
    "Those who may edit each need (see POST /technology-needs). Needs match by id; without an id one is added.",
};

/** Registers POST …/import for technologies, capabilities and needs: CSV or JSON, dry run or all-or-nothing. */
export function registerTechnologyImportApi(api: Api) {
  for (const kind of importKinds) {
    api.openapi(
      createRoute({
        method: "post",
        path: paths[kind],
        tags: ["Technology"],
        summary: `Import ${kind} from CSV or JSON`,
        description: `${who[kind]} The body is a file as the exports write it (text/csv, or application/json: an array). Real records only; nothing is deleted. With dryRun=true (the default) nothing changes and every bad row is reported; with dryRun=false the import is all-or-nothing.`,
        security: [{ session: [] }],
        request: {
          query: importQuery,
          body: {
            content: {
              "text/csv": { schema: z.string() },
              "application/json": {
                schema: z.union([Records, z.object({ data: Records })]).openapi({
                  description: "an array of records, or { data: [...] } as the API's lists answer",
                }),
              },
            },
            // Not "required": zod-openapi would then parse every body as JSON, CSV included.
            required: false,
          },
        },
        responses: importResponses(Report, "Not allowed to import this kind"),
      }),
      async (c) => {
        const actor = apiPerson(c);
        const file = await importRequest(c);
        return answerImport(c, () => importTechnologyFile(c.var.deps, actor, kind, file));
      },
    );
  }
}
