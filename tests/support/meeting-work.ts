import { count, eq } from "drizzle-orm";
import { expect } from "vitest";
import {
  agendaItemFiles,
  agendaItems,
  meetingAttendance,
  meetingDecisions,
  meetingMinutes,
  meetingRegistrations,
  meetings,
  type Role,
} from "../../src/db/schema/index.js";
import { browser, makePerson } from "./actors.js";
import type { TestContext } from "./database.js";
import { planMeeting, plannedMeeting, plannedSlug } from "./meetings.js";

/** The private page and API of the planned SAM meeting, of a TWG meeting at its dates, and of a past one. */
export const page = `/private/meetings/${plannedSlug}`;
export const api = `/api/v1/meetings/${plannedSlug}`;
export const twgSlug = "2031-03-29-twg-meeting";
export const twg = `/private/meetings/${twgSlug}`;
export const twgApi = `/api/v1/meetings/${twgSlug}`;
export const past = "/private/meetings/2023-songdo";

/** Helpers for the meeting-work rule tests, reading `t.deps` when called (each test has its own). */
export function meetingWork(t: TestContext) {
  const meetingId = async (slug: string) =>
    (await t.deps.db.select().from(meetings).where(eq(meetings.slug, slug)))[0]!.id;
  const rows = {
    registrations: () => t.deps.db.select().from(meetingRegistrations),
    agenda: () => t.deps.db.select().from(agendaItems).orderBy(agendaItems.position),
    decisions: () => t.deps.db.select().from(meetingDecisions).orderBy(meetingDecisions.number),
    minutes: () => t.deps.db.select().from(meetingMinutes).orderBy(meetingMinutes.version),
    files: () => t.deps.db.select().from(agendaItemFiles),
  };
  return {
    rows,
    meetingId,
    /** A browser signed in as a new person with these roles at this agency. */
    as: async (roles: Role[], org: string | null = "ESA") =>
      browser(t.deps, t.app, await makePerson(t.deps, roles, org)),
    /** How many agencies the meeting's attendance record lists. */
    attendanceCount: async (slug: string) =>
      (
        await t.deps.db
          .select({ n: count() })
          .from(meetingAttendance)
          .where(eq(meetingAttendance.meetingId, await meetingId(slug)))
      )[0]!.n,
    /**
     * The planned SAM meeting plus a TWG meeting at the same dates, chaired by a NASA chair; a JAXA
     * person chairs another group (SCWG). Returns the secretariat's and both chairs' browsers.
     */
    withGroupMeeting: async () => {
      const sec = await planMeeting(t);
      const chair = await makePerson(t.deps, ["member", "chair"], "NASA");
      const otherChair = await makePerson(t.deps, ["member", "chair"], "JAXA");
      expect((await sec.post("/private/groups/twg/chairs", { person: String(chair.id) })).status).toBe(303);
      expect((await sec.post("/private/groups/scwg/chairs", { person: String(otherChair.id) })).status).toBe(
        303,
      );
      const res = await sec.post("/private/meetings/new", {
        ...plannedMeeting,
        title: "TWG meeting",
        kind: "group_meeting",
        group: "twg",
      });
      expect(res.status).toBe(303);
      return {
        sec,
        chair: await browser(t.deps, t.app, chair),
        otherChair: await browser(t.deps, t.app, otherChair),
      };
    },
    /** The planned meeting with two agenda items, "First" and "Second"; the secretariat and the items. */
    withAgenda: async () => {
      const sec = await planMeeting(t);
      for (const title of ["First", "Second"])
        expect((await sec.post(`${page}/agenda/new`, { title })).status).toBe(303);
      const [first, second] = await rows.agenda();
      return { sec, first: first!, second: second! };
    },
  };
}
