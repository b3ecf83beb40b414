import { createRoute, z } from "@hono/zod-openapi";
import { errors, json } from "../../http/api-schemas.js";
import { apiPerson, authorize, pageParam } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { listAudit } from "../audit/audit.queries.js";
import { canReadAuditLog } from "./directory.policy.js";
import { AuditEntry, auditEntryJson, ChairTerm, chairTermJson } from "./directory.presenter.js";
import { listChairTerms } from "./directory.queries.js";
import { registerMembersApi } from "./members.api.js";
import { pageQuery, registerPeopleApi } from "./people.api.js";

/** Registers the members, people, chairs and audit endpoints. */
export function registerDirectoryApi(api: Api) {
  const tags = ["Directory"];
  registerMembersApi(api);
  registerPeopleApi(api);

  api.openapi(
    createRoute({
      method: "get",
      path: "/chairs",
      tags,
      summary: "Chair terms, oldest first",
      responses: { 200: json(z.object({ data: z.array(ChairTerm) }), "Chair terms") },
    }),
    async (c) => {
      const rows = await listChairTerms(c.var.deps.db);
      return c.json(
        {
          data: rows.map(chairTermJson),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/audit",
      tags: ["Audit"],
      summary: "The audit log, newest first",
      description: "Secretariat only.",
      security: [{ session: [] }],
      request: { query: pageQuery },
      responses: {
        200: json(z.object({ data: z.array(AuditEntry), page: z.number(), total: z.number() }), "Entries"),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      authorize(canReadAuditLog(apiPerson(c)), "Only the secretariat can read the audit log.");
      const q = c.req.valid("query");
      const page = pageParam(q.page);
      const { rows, total } = await listAudit(c.var.deps.db, { agency: q.agency }, page, 100);
      return c.json(
        {
          data: rows.map(auditEntryJson),
          page,
          total,
        },
        200,
      );
    },
  );
}
