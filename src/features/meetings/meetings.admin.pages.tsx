import { instantToZoned } from "../../domain/time-zones.js";
import type { Person } from "../../http/actor.js";
import type { AppContext } from "../../http/env.js";
import { type FieldErrors, notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, pageParam, personAllowedBy, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { FormValues } from "../../kit/forms.js";
import { PageHeader } from "../../web/components.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { canManageGroup } from "../groups/groups.policy.js";
import { findGroupBySlug, listGroups } from "../groups/groups.queries.js";
import { cachedMeetingCount } from "./meetings.cache.queries.js";
import { canManageMeeting, canPlanMeetings, canRecordAttendance } from "./meetings.policy.js";
import { listMeetingsPage, type MeetingDetail, PRIVATE_MEETINGS_PER_PAGE } from "./meetings.queries.js";
import { createMeeting, loadManagedMeeting, recordAttendance, updateMeeting } from "./meetings.service.js";
import { AttendanceForm } from "./views/attendance-form.js";
import { MeetingForm } from "./views/meeting-form.js";
import { MeetingList } from "./views/meeting-list.js";

const notices: Record<string, string> = {
  created: "The meeting was planned.",
  saved: "The meeting was saved.",
  attendance: "Attendance was recorded.",
};

const planner = personAllowedBy(canPlanMeetings, "Only the secretariat and group chairs plan meetings.");
const attendanceRecorder = personAllowedBy(canRecordAttendance, "The secretariat records attendance.");

/** A meeting as its edit form shows it, its times in its own time zone. */
function meetingValues(m: MeetingDetail): FormValues {
  return {
    title: m.title,
    kind: m.kind,
    group: m.group?.slug ?? "",
    host: m.hostAcronym ?? "",
    place: m.place ?? "",
    start: instantToZoned(m.startsAt, m.timeZone),
    end: instantToZoned(m.endsAt, m.timeZone),
    timeZone: m.timeZone,
    mode: m.mode,
    videoUrl: m.videoUrl ?? "",
    summary: m.summary,
    public: m.public,
    uncertain: m.uncertain,
    uncertainNote: m.uncertainNote ?? "",
  };
}

/** Groups the person may attach a meeting to: all for the secretariat, the ones they chair for a chair. */
async function plannableGroups(c: AppContext, actor: Person) {
  const db = c.var.deps.db;
  const groups = await Promise.all((await listGroups(db)).map((g) => findGroupBySlug(db, g.slug)));
  return groups.flatMap((g) => (g && canManageGroup(actor, g) ? [{ slug: g.slug, name: g.name }] : []));
}

/** Every meeting, members-only ones included, newest first. */
async function meetingList(c: AppContext) {
  const actor = requirePerson(c);
  const page = pageParam(c.req.query("page"));
  // The count first (from memory on most requests): no rows to read for a page beyond the last.
  const total = await cachedMeetingCount(c.var.deps);
  const pages = Math.max(1, Math.ceil(total / PRIVATE_MEETINGS_PER_PAGE));
  if (page > pages) throw notFound("This page of meetings");
  const items = total ? await listMeetingsPage(c.var.deps.db, page) : [];
  return renderPrivate(c, {
    title: "Meetings",
    body: () => (
      <MeetingList
        canPlan={canPlanMeetings(actor)}
        secretariat={actor.roles.includes("secretariat")}
        notice={notices[c.req.query("done") ?? ""]}
        {...{ items, total, page, pages }}
        perPage={PRIVATE_MEETINGS_PER_PAGE}
      />
    ),
  });
}

type FormPage = { title: string; action: string; submit: string };
type Typed = { values: FormValues; errors?: FieldErrors; message?: string };

/** The plan or edit form, with the agencies that may host and the groups the person may plan for. */
async function formPage(c: AppContext, page: FormPage, typed: Typed) {
  const actor = requirePerson(c);
  const [orgs, groups] = await Promise.all([listOrganisations(c.var.deps.db), plannableGroups(c, actor)]);
  return renderPrivate(c, {
    title: page.title,
    body: () => (
      <>
        <PageHeader title={page.title} />
        <MeetingForm
          action={page.action}
          submit={page.submit}
          {...typed}
          csrf={c.var.csrfToken()}
          agencies={orgs.filter((o) => !o.leftOn)}
          groups={groups}
        />
      </>
    ),
  });
}

const newPage: FormPage = {
  title: "Plan a meeting",
  action: "/private/meetings/new",
  submit: "Plan meeting",
};
const editPage = (m: MeetingDetail): FormPage => ({
  title: `Edit: ${m.title}`,
  action: `/private/meetings/${m.slug}/edit`,
  submit: "Save meeting",
});

async function newMeetingForm(c: AppContext) {
  planner(c);
  return formPage(c, newPage, { values: { public: true, timeZone: "UTC" } });
}

async function planMeeting(c: AppContext) {
  const actor = planner(c);
  return handleForm(
    c,
    async (body) => `/meetings/${(await createMeeting(c.var.deps, actor, body)).slug}?done=created`,
    (values, errors, message) => formPage(c, newPage, { values, errors, message }),
  );
}

/** The meeting the address names, if the person may manage it. */
const managedMeeting = (c: AppContext) =>
  loadManagedMeeting(c.var.deps, requirePerson(c), c.req.param("slug") ?? "");

async function editMeetingForm(c: AppContext) {
  const m = await managedMeeting(c);
  return formPage(c, editPage(m), { values: meetingValues(m) });
}

async function saveMeeting(c: AppContext) {
  const actor = requirePerson(c);
  const m = await managedMeeting(c);
  authorize(canManageMeeting(actor, m));
  return handleForm(
    c,
    async (body) => {
      await updateMeeting(c.var.deps, actor, m.slug, body);
      return `/private/meetings?done=saved`;
    },
    (values, errors, message) => formPage(c, editPage(m), { values, errors, message }),
  );
}

async function attendancePage(c: AppContext, m: MeetingDetail, typed?: Typed) {
  const agencies = await listOrganisations(c.var.deps.db);
  return renderPrivate(c, {
    title: `Attendance: ${m.title}`,
    body: () => <AttendanceForm m={m} agencies={agencies} csrf={c.var.csrfToken()} {...typed} />,
  });
}

async function attendanceForm(c: AppContext) {
  attendanceRecorder(c);
  return attendancePage(c, await managedMeeting(c));
}

async function saveAttendance(c: AppContext) {
  const actor = attendanceRecorder(c);
  const m = await managedMeeting(c);
  return handleForm(
    c,
    async (body) => {
      await recordAttendance(c.var.deps, actor, m.slug, body);
      return "/private/meetings?done=attendance";
    },
    (values, errors, message) => attendancePage(c, m, { values, errors, message }),
  );
}

/** The private meeting pages: the full list (with video links), planning, editing and attendance. */
export const meetingAdminPages = pageGroup([
  ["GET", "/private/meetings", meetingList],
  ["GET", "/private/meetings/new", newMeetingForm],
  ["POST", "/private/meetings/new", planMeeting],
  ["GET", "/private/meetings/:slug/edit", editMeetingForm],
  ["POST", "/private/meetings/:slug/edit", saveMeeting],
  ["GET", "/private/meetings/:slug/attendance", attendanceForm],
  ["POST", "/private/meetings/:slug/attendance", saveAttendance],
]);
