import { createRoute, z } from "@hono/zod-openapi";
import { instantToZoned } from "../../domain/time-zones.js";
import { body, changeOf, errors, json, parsedByUseCase } from "../../http/api-schemas.js";
import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { apiPerson } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { MeetingSessionSchema, sessionJson } from "./meetings.presenter.js";
import { findMeetingBySlug } from "./meetings.queries.js";
import { findSession } from "./sessions.queries.js";
import { sessionInput } from "./sessions.schemas.js";
import { createMeetingSession, deleteSession, updateSession } from "./sessions.service.js";

const MeetingSessionWrite = parsedByUseCase(sessionInput, "MeetingSessionWrite");
const MeetingSessionChange = parsedByUseCase(changeOf(sessionInput), "MeetingSessionChange");

const path = (name: string) => z.string().openapi({ param: { name, in: "path" } });
const sessionParams = z.object({ slug: path("slug"), id: path("id") });

async function meetingOf(c: AppContext, slug: string) {
  apiPerson(c);
  const m = await findMeetingBySlug(c.var.deps.db, slug);
  if (!m) throw notFound("The meeting");
  return m;
}

const sessionId = (id: string) => {
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0 || n > 2_147_483_647) throw notFound("The session");
  return n;
};

/** Registers the programme's write endpoints: the secretariat for all meetings, a chair for their group's. */
export function registerMeetingSessionsApi(api: Api) {
  const tags = ["Meetings"];
  const security = [{ session: [] }];
  const one = json(z.object({ data: MeetingSessionSchema }), "The session");

  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{slug}/sessions",
      tags,
      security,
      summary: "Add a session to a meeting's programme",
      description:
        "Times are local to `timeZone` (the meeting's when left out) and lie within the meeting's dates.",
      request: { params: z.object({ slug: path("slug") }), ...body(MeetingSessionWrite) },
      responses: { 201: one, ...errors },
    }),
    async (c) => {
      const m = await meetingOf(c, c.req.valid("param").slug);
      const row = await createMeetingSession(c.var.deps, apiPerson(c), m.slug, c.req.valid("json"));
      return c.json({ data: sessionJson(row, m.timeZone) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/meetings/{slug}/sessions/{id}",
      tags,
      security,
      summary: "Change a session",
      description: "Fields left out keep their value; times left out stay as they are in the meeting's zone.",
      request: { params: sessionParams, ...body(MeetingSessionChange) },
      responses: { 200: one, ...errors },
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const m = await meetingOf(c, slug);
      const current = await findSession(c.var.deps.db, m.id, sessionId(id));
      if (!current) throw notFound("The session");
      const merged = {
        title: current.title,
        start: instantToZoned(current.startsAt, m.timeZone),
        end: instantToZoned(current.endsAt, m.timeZone),
        place: current.place,
        description: current.description,
        ...c.req.valid("json"),
      };
      const row = await updateSession(c.var.deps, apiPerson(c), m.slug, current.id, merged);
      return c.json({ data: sessionJson(row, m.timeZone) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/meetings/{slug}/sessions/{id}",
      tags,
      security,
      summary: "Remove a session from a meeting's programme",
      request: { params: sessionParams },
      responses: { 200: json(z.object({ data: z.object({ deleted: z.boolean() }) }), "Removed"), ...errors },
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const m = await meetingOf(c, slug);
      await deleteSession(c.var.deps, apiPerson(c), m.slug, sessionId(id));
      return c.json({ data: { deleted: true } }, 200);
    },
  );
}
