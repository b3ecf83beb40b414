import { createRoute, z } from "@hono/zod-openapi";
import { instantToZoned } from "../../domain/time-zones.js";
import { body, changeOf, errors, json, parsedByUseCase } from "../../http/api-schemas.js";
import type { AppContext } from "../../http/env.js";
import { AppError } from "../../http/errors.js";
import { apiPerson } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { MeetingWritten, meetingWrittenJson } from "./meetings.presenter.js";
import { findMeetingBySlug, type MeetingDetail } from "./meetings.queries.js";
import { meetingFields } from "./meetings.schemas.js";
import { createMeeting, updateMeeting } from "./meetings.service.js";

const MeetingWrite = parsedByUseCase(meetingFields, "MeetingWrite");
const MeetingChange = parsedByUseCase(changeOf(meetingFields), "MeetingChange");

/** A meeting's current values in the shape the write accepts (times back to local wall-clock). */
function writeValues(m: MeetingDetail) {
  return {
    title: m.title,
    kind: m.kind,
    host: m.hostAcronym,
    place: m.place,
    start: instantToZoned(m.startsAt, m.timeZone),
    end: instantToZoned(m.endsAt, m.timeZone),
    timeZone: m.timeZone,
    mode: m.mode,
    videoUrl: m.videoUrl,
    group: m.group?.slug ?? null,
    summary: m.summary,
    public: m.public,
    uncertain: m.uncertain,
    uncertainNote: m.uncertainNote,
  };
}

async function written(c: AppContext, slug: string) {
  return meetingWrittenJson((await findMeetingBySlug(c.var.deps.db, slug))!);
}

/** Registers the meeting write endpoints: the secretariat for all, a chair for their group's meetings. */
export function registerMeetingWriteApi(api: Api) {
  const tags = ["Meetings"];
  const security = [{ session: [] }];

  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings",
      tags,
      security,
      summary: "Plan a meeting",
      description: "The secretariat plans any meeting; a chair plans meetings of the groups they chair.",
      request: body(MeetingWrite),
      responses: { 201: json(z.object({ data: MeetingWritten }), "Planned"), ...errors },
    }),
    async (c) => {
      const row = await createMeeting(c.var.deps, apiPerson(c), c.req.valid("json"));
      return c.json({ data: await written(c, row.slug) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/meetings/{slug}",
      tags,
      security,
      summary: "Change a meeting",
      description: "Fields left out keep their value; times are local to the meeting's time zone.",
      request: {
        params: z.object({ slug: z.string().openapi({ param: { name: "slug", in: "path" } }) }),
        ...body(MeetingChange),
      },
      responses: { 200: json(z.object({ data: MeetingWritten }), "Updated"), ...errors },
    }),
    async (c) => {
      const actor = apiPerson(c);
      const m = await findMeetingBySlug(c.var.deps.db, c.req.valid("param").slug);
      if (!m) throw new AppError("not_found", "No meeting with this slug.");
      await updateMeeting(c.var.deps, actor, m.slug, { ...writeValues(m), ...c.req.valid("json") });
      return c.json({ data: await written(c, m.slug) }, 200);
    },
  );
}
