import { createRoute, z } from "@hono/zod-openapi";
import { body, changeOf, errors, json, parsedByUseCase } from "../../http/api-schemas.js";
import type { AppContext } from "../../http/env.js";
import { AppError } from "../../http/errors.js";
import { apiPerson, pageParam } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { resolveActionFilters } from "./actions.filters.service.js";
import { Action, ActionWithHistory, actionJson, actionWithHistoryJson } from "./actions.presenter.js";
import { ACTIONS_PER_PAGE, findActionByNumber, listActions } from "./actions.queries.js";
import { actionFields, actionInput, statusInput } from "./actions.schemas.js";
import { createAction, updateAction, updateActionStatus } from "./actions.service.js";

const ActionWrite = parsedByUseCase(actionInput, "ActionWrite");
const ActionChange = parsedByUseCase(changeOf(actionFields), "ActionChange");
const StatusUpdate = parsedByUseCase(statusInput, "ActionStatusUpdate");
const numberParam = z.object({
  number: z
    .string()
    .regex(/^\d{1,9}$/)
    .openapi({ param: { name: "number", in: "path" }, example: "12" }),
});

const today = (c: AppContext) => c.var.deps.now().toISOString().slice(0, 10);

async function loadAction(c: AppContext, number: string) {
  const a = await findActionByNumber(c.var.deps.db, Number(number));
  if (!a) throw new AppError("not_found", "No action with this number.");
  return a;
}

/** Registers the action register's endpoints (signed-in people only). */
export function registerActionsApi(api: Api) {
  const tags = ["Actions"];
  const security = [{ session: [] }];

  api.openapi(
    createRoute({
      method: "get",
      path: "/actions",
      tags,
      security,
      summary: "The action register",
      description:
        "Same filters as the page: status (open, in_progress, closed, dropped, live, all), agency (acronym or `all`; a member's default is their agency), group, meeting, mine.",
      request: {
        query: z.object({
          status: z.string().optional(),
          agency: z.string().optional(),
          group: z.string().optional(),
          meeting: z.string().optional(),
          mine: z.string().optional(),
          page: z.string().optional(),
        }),
      },
      responses: {
        200: json(z.object({ data: z.array(Action), page: z.number(), total: z.number() }), "Actions"),
        401: errors[401],
      },
    }),
    async (c) => {
      const actor = apiPerson(c);
      const q = c.req.valid("query");
      const { resolved } = await resolveActionFilters(c.var.deps.db, actor, q);
      const page = pageParam(q.page);
      const { rows, total } = await listActions(c.var.deps.db, resolved, page, ACTIONS_PER_PAGE);
      return c.json({ data: rows.map((a) => actionJson(a, today(c))), page, total }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/actions/{number}",
      tags,
      security,
      summary: "One action with its history",
      request: { params: numberParam },
      responses: {
        200: json(z.object({ data: ActionWithHistory }), "The action"),
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      apiPerson(c);
      const a = await loadAction(c, c.req.valid("param").number);
      return c.json({ data: actionWithHistoryJson(a, today(c)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/actions",
      tags,
      security,
      summary: "Raise an action",
      description: "The secretariat anywhere; a chair in the groups they chair.",
      request: body(ActionWrite),
      responses: { 201: json(z.object({ data: Action }), "Raised"), ...errors },
    }),
    async (c) => {
      const actor = apiPerson(c);
      const row = await createAction(c.var.deps, actor, c.req.valid("json"));
      return c.json(
        { data: actionJson((await findActionByNumber(c.var.deps.db, row.number))!, today(c)) },
        201,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/actions/{number}",
      tags,
      security,
      summary: "Change an action",
      description: "Managers only (the secretariat, the group's chair). Fields left out keep their value.",
      request: { params: numberParam, ...body(ActionChange) },
      responses: { 200: json(z.object({ data: Action }), "Updated"), ...errors },
    }),
    async (c) => {
      const actor = apiPerson(c);
      const a = await loadAction(c, c.req.valid("param").number);
      const current = {
        title: a.title,
        description: a.description,
        ownerAgency: a.ownerPersonId ? null : a.ownerAcronym,
        ownerPerson: a.ownerPersonId,
        due: a.dueOn,
        status: a.status,
        group: a.groupSlug,
        meeting: a.meetingSlug,
      };
      await updateAction(c.var.deps, actor, a.number, { ...current, ...c.req.valid("json") });
      return c.json(
        { data: actionJson((await findActionByNumber(c.var.deps.db, a.number))!, today(c)) },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/actions/{number}/updates",
      tags,
      security,
      summary: "Record a status update",
      description:
        "The owner person, the owning agency's focal points, or the action's managers: a status, a note, and optionally the meeting at which it was reviewed. Appended to the history.",
      request: { params: numberParam, ...body(StatusUpdate) },
      responses: { 201: json(z.object({ data: Action }), "Recorded"), ...errors },
    }),
    async (c) => {
      const actor = apiPerson(c);
      const a = await loadAction(c, c.req.valid("param").number);
      await updateActionStatus(c.var.deps, actor, a.number, c.req.valid("json"));
      return c.json(
        { data: actionJson((await findActionByNumber(c.var.deps.db, a.number))!, today(c)) },
        201,
      );
    },
  );
}
