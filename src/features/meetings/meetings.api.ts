import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse, json } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { pageParam } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { Group, GroupSummary, groupJson, groupSummaryJson } from "../groups/groups.presenter.js";
import { currentMemberCounts, findGroupBySlug, listGroups } from "../groups/groups.queries.js";
import { MEETINGS_PER_PAGE } from "./meetings.pages.js";
import { canSeeMeeting } from "./meetings.policy.js";
import { Meeting, meetingJson, sessionJson } from "./meetings.presenter.js";
import { findMeetingBySlug, listAllMeetings } from "./meetings.queries.js";
import { listSessions } from "./sessions.queries.js";

const slugParam = z.object({ slug: z.string().openapi({ param: { name: "slug", in: "path" } }) });
const notFound = errorResponse("Not found");

/** Registers the read-only groups and meetings endpoints. */
export function registerGroupsAndMeetingsApi(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/groups",
      tags: ["Groups"],
      summary: "Working groups and teams",
      responses: { 200: json(z.object({ data: z.array(GroupSummary) }), "Groups") },
    }),
    async (c) => {
      const db = c.var.deps.db;
      const [groups, counts] = await Promise.all([listGroups(db), currentMemberCounts(db)]);
      return c.json({ data: groups.map((g) => groupSummaryJson(g, counts.get(g.id) ?? 0)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/{slug}",
      tags: ["Groups"],
      summary: "One group with its charter, chairs and membership history",
      request: { params: slugParam },
      responses: { 200: json(z.object({ data: Group }), "The group"), 404: notFound },
    }),
    async (c) => {
      const g = await findGroupBySlug(c.var.deps.db, c.req.valid("param").slug);
      if (!g) throw new AppError("not_found", "No group with this slug.");
      return c.json({ data: groupJson(g) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings",
      tags: ["Meetings"],
      summary: "Meetings, newest first",
      description: "Visitors get public meetings without video links; signed-in members get all, with links.",
      request: { query: z.object({ page: z.string().optional() }) },
      responses: {
        200: json(z.object({ data: z.array(Meeting), page: z.number(), total: z.number() }), "Meetings"),
      },
    }),
    async (c) => {
      const actor = c.var.actor;
      const page = pageParam(c.req.valid("query").page);
      const all = await listAllMeetings(c.var.deps.db, canSeeMeeting(actor, { public: false }), 10_000);
      const rows = all.slice((page - 1) * MEETINGS_PER_PAGE, page * MEETINGS_PER_PAGE);
      return c.json({ data: rows.map((m) => meetingJson(m, actor)), page, total: all.length }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{slug}",
      tags: ["Meetings"],
      summary: "One meeting with its programme and the agencies that attended",
      request: { params: slugParam },
      responses: { 200: json(z.object({ data: Meeting }), "The meeting"), 404: notFound },
    }),
    async (c) => {
      const actor = c.var.actor;
      const m = await findMeetingBySlug(c.var.deps.db, c.req.valid("param").slug);
      if (!m || !canSeeMeeting(actor, m)) throw new AppError("not_found", "No meeting with this slug.");
      const sessions = await listSessions(c.var.deps.db, m.id);
      return c.json(
        {
          data: {
            ...meetingJson(
              m,
              actor,
              m.attending.map((a) => a.acronym),
            ),
            sessions: sessions.map((s) => sessionJson(s, m.timeZone)),
          },
        },
        200,
      );
    },
  );
}
