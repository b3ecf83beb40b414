import { createRoute, z } from "@hono/zod-openapi";
import { ErrorBody, errorResponse, json } from "../../../http/api-schemas.js";
import { apiPerson } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import { ImportRejected } from "../../../kit/imports.js";
import { importMissions } from "./mission-import.service.js";
import type { ImportFormat } from "./read.import.js";

const ImportErrorItem = z
  .object({
    line: z
      .number()
      .int()
      .openapi({ description: "CSV: the line the record starts on; JSON: the item number" }),
    field: z.string().openapi({ description: "column or property; `row` for the record as a whole" }),
    reason: z.string(),
  })
  .openapi("ImportProblem");

const ImportReport = z
  .object({
    dryRun: z.boolean(),
    format: z.enum(["csv", "json"]),
    rows: z.number().int(),
    created: z.array(z.string()).openapi({ description: "slugs of the missions created (or to create)" }),
    updated: z.array(z.string()).openapi({ description: "slugs of the missions changed (or to change)" }),
    unchanged: z.number().int(),
    errors: z.array(ImportErrorItem),
  })
  .openapi("ImportReport");

const query = z.object({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "true (default): only check and report; false: import", example: "true" }),
});

/** The format of the body from its content type (or, failing that, from its first character). */
function formatOf(contentType: string | undefined): ImportFormat | undefined {
  if (!contentType) return undefined;
  if (/\bjson\b/i.test(contentType)) return "json";
  if (/\bcsv\b/i.test(contentType)) return "csv";
  return undefined;
}

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
        query,
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
      responses: {
        200: json(z.object({ data: ImportReport }), "What was (or would be) imported, and every problem"),
        401: errorResponse("Not signed in"),
        403: errorResponse("Not a focal point or the secretariat"),
        422: json(
          ErrorBody.extend({ report: ImportReport }),
          "Bad rows: nothing was imported; `report.errors` lists them",
        ),
      },
    }),
    async (c) => {
      const actor = apiPerson(c);
      const dryRun = c.req.valid("query").dryRun !== "false";
      const text = await c.req.text();
      try {
        const report = await importMissions(c.var.deps, actor, {
          text,
          format: formatOf(c.req.header("content-type")),
          dryRun,
        });
        return c.json({ data: report }, 200);
      } catch (e) {
        if (!(e instanceof ImportRejected)) throw e;
        const error = { code: e.code, message: e.message, requestId: c.var.requestId };
        return c.json({ error, report: e.report }, 422);
      }
    },
  );
}
