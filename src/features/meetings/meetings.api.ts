import { createRoute, z } from "@hono/zod-openapi";
import type { Actor } from "../../http/actor.js";
import { errorResponse, json } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { pageParam } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { renderMarkdown } from "../../web/markdown.js";
import {
  currentMemberCounts,
  findGroupBySlug,
  type GroupDetail,
  listGroups,
} from "../groups/groups.queries.js";
import { chairText } from "../groups/views/group.js";
import { MEETINGS_PER_PAGE } from "./meetings.pages.js";
import { canSeeMeeting, canSeeVideoLink } from "./meetings.policy.js";
import {
  attendanceCount,
  findMeetingBySlug,
  listAllMeetings,
  type MeetingListItem,
} from "./meetings.queries.js";
import { MeetingSessionSchema, sessionJson } from "./sessions.api.js";
import { listSessions } from "./sessions.queries.js";

const slugParam = z.object({ slug: z.string().openapi({ param: { name: "slug", in: "path" } }) });
const notFound = errorResponse("Not found");

const GroupSummary = z
  .object({
    slug: z.string().openapi({ example: "twg" }),
    acronym: z.string().nullable(),
    name: z.string(),
    kind: z.enum(["working_group", "tiger_team", "assessment_team"]),
    started: z.string().nullable().openapi({ description: "YYYY-MM-DD, as precise as `startedPrecision`" }),
    startedPrecision: z.string().nullable(),
    ended: z.string().nullable(),
    endedPrecision: z.string().nullable(),
    currentMembers: z.number(),
    uncertain: z.boolean(),
  })
  .openapi("GroupSummary");

const Group = GroupSummary.extend({
  charter: z.string().openapi({ description: "Markdown" }),
  charterHtml: z.string(),
  chairs: z.array(z.string()),
  members: z.array(
    z.object({ agency: z.string(), joined: z.string(), left: z.string().nullable(), uncertain: z.boolean() }),
  ),
  uncertainNote: z.string().nullable(),
  sources: z.array(z.string()),
}).openapi("Group");

const Meeting = z
  .object({
    slug: z.string(),
    kind: z.enum(["sam_meeting", "workshop", "group_meeting", "teleconference"]),
    title: z.string(),
    host: z.string().nullable(),
    place: z.string().nullable(),
    start: z.string().openapi({ description: "UTC instant, ISO 8601" }),
    end: z.string(),
    timeZone: z.string().openapi({ example: "Asia/Seoul" }),
    precision: z.enum(["time", "day", "month", "year"]),
    mode: z.enum(["in_person", "virtual", "hybrid"]),
    group: z.string().nullable(),
    summary: z.string().openapi({ description: "Markdown" }),
    public: z.boolean(),
    agenciesAttended: z
      .number()
      .nullable()
      .openapi({ description: "Number of agencies that attended, when known" }),
    attendingAgencies: z.array(z.string()).optional(),
    videoUrl: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "Signed-in members only; absent for visitors" }),
    uncertain: z.boolean(),
    uncertainNote: z.string().nullable(),
    sources: z.array(z.string()),
    sessions: z.array(MeetingSessionSchema).optional().openapi({
      description: "The programme, in order of start (one meeting only); empty when there is none",
    }),
  })
  .openapi("Meeting");

const groupSummaryJson = (
  g: Omit<GroupDetail, "memberships" | "chairs" | "chairPersonIds">,
  members: number,
) => ({
  slug: g.slug,
  acronym: g.acronym,
  name: g.name,
  kind: g.kind,
  started: g.startedOn,
  startedPrecision: g.startedPrecision,
  ended: g.endedOn,
  endedPrecision: g.endedPrecision,
  currentMembers: members,
  uncertain: g.uncertain,
});

/** A meeting for the API; the video link only for signed-in people. */
function meetingJson(m: MeetingListItem, actor: Actor, attending?: string[]) {
  return {
    slug: m.slug,
    kind: m.kind,
    title: m.title,
    host: m.hostAcronym,
    place: m.place,
    start: m.startsAt.toISOString(),
    end: m.endsAt.toISOString(),
    timeZone: m.timeZone,
    precision: m.precision,
    mode: m.mode,
    group: m.groupSlug,
    summary: m.summary,
    public: m.public,
    agenciesAttended: attendanceCount(m),
    ...(attending ? { attendingAgencies: attending } : {}),
    ...(canSeeVideoLink(actor) ? { videoUrl: m.videoUrl } : {}),
    uncertain: m.uncertain,
    uncertainNote: m.uncertainNote,
    sources: m.sources,
  };
}

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
      const current = g.memberships.filter((m) => !m.leftOn).length;
      return c.json(
        {
          data: {
            ...groupSummaryJson(g, current),
            charter: g.charter,
            charterHtml: renderMarkdown(g.charter),
            chairs: g.chairs.map(chairText),
            members: g.memberships.map((m) => ({
              agency: m.acronym,
              joined: m.joinedOn,
              left: m.leftOn,
              uncertain: m.uncertain,
            })),
            uncertainNote: g.uncertainNote,
            sources: g.sources,
          },
        },
        200,
      );
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
