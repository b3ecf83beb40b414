import { z } from "@hono/zod-openapi";
import { meetingKinds, meetingModes } from "../../db/schema/index.js";
import { instantToZoned } from "../../domain/time-zones.js";
import type { Actor } from "../../http/actor.js";
import { canSeeVideoLink } from "./meetings.policy.js";
import { attendanceCount, type MeetingDetail, type MeetingListItem } from "./meetings.queries.js";
import type { MeetingSession } from "./sessions.queries.js";

/** A session as the API answers it: UTC instants, and the same times local to the meeting. */
export const MeetingSessionSchema = z
  .object({
    id: z.number(),
    title: z.string(),
    start: z.string().openapi({ description: "UTC instant, ISO 8601" }),
    end: z.string(),
    localStart: z
      .string()
      .openapi({ description: "In the meeting's time zone", example: "2031-03-29T09:00" }),
    localEnd: z.string(),
    place: z.string().nullable(),
    description: z.string(),
  })
  .openapi("MeetingSession");

/** A meeting in the API; one meeting alone also carries its programme and who attended. */
export const Meeting = z
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

/** A session for the API, its local times in the meeting's zone. */
export const sessionJson = (s: MeetingSession, timeZone: string): z.infer<typeof MeetingSessionSchema> => ({
  id: s.id,
  title: s.title,
  start: s.startsAt.toISOString(),
  end: s.endsAt.toISOString(),
  localStart: instantToZoned(s.startsAt, timeZone),
  localEnd: instantToZoned(s.endsAt, timeZone),
  place: s.place,
  description: s.description,
});

/** A meeting for the API; the video link only for signed-in people. */
export function meetingJson(m: MeetingListItem, actor: Actor, attending?: string[]): z.infer<typeof Meeting> {
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

/** A meeting as the write endpoints answer it once planned or changed. */
export const MeetingWritten = z
  .object({
    slug: z.string(),
    title: z.string(),
    kind: z.enum(meetingKinds),
    start: z.string().openapi({ description: "UTC instant" }),
    end: z.string(),
    timeZone: z.string(),
    mode: z.enum(meetingModes),
    group: z.string().nullable(),
    public: z.boolean(),
  })
  .openapi("MeetingWritten");

/** A planned or changed meeting for the write endpoints' answer. */
export const meetingWrittenJson = (m: MeetingDetail): z.infer<typeof MeetingWritten> => ({
  slug: m.slug,
  title: m.title,
  kind: m.kind,
  start: m.startsAt.toISOString(),
  end: m.endsAt.toISOString(),
  timeZone: m.timeZone,
  mode: m.mode,
  group: m.group?.slug ?? null,
  public: m.public,
});
