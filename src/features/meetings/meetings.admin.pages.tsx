import { Hono } from "hono";
import { instantToZoned } from "../../domain/time-zones.js";
import type { Person } from "../../http/actor.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import { type FieldErrors, notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { authorize, pageParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import type { FormValues } from "../../kit/forms.js";
import { val } from "../../kit/forms.js";
import {
  Checkbox,
  CsrfField,
  EmptyState,
  ErrorSummary,
  Field,
  Notice,
  PageHeader,
  Pagination,
} from "../../web/components.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { canManageGroup } from "../groups/groups.policy.js";
import { findGroupBySlug, listGroups } from "../groups/groups.queries.js";
import { cachedMeetingCount } from "./meetings.cache.queries.js";
import { canManageMeeting, canPlanMeetings, canRecordAttendance } from "./meetings.policy.js";
import { listMeetingsPage, type MeetingDetail, PRIVATE_MEETINGS_PER_PAGE } from "./meetings.queries.js";
import { createMeeting, loadManagedMeeting, recordAttendance, updateMeeting } from "./meetings.service.js";
import { meetingWhen } from "./views/meeting.js";
import { MeetingForm } from "./views/meeting-form.js";
import { MeetingTable } from "./views/meeting-table.js";

const notices: Record<string, string> = {
  created: "The meeting was planned.",
  saved: "The meeting was saved.",
  attendance: "Attendance was recorded.",
};

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

/** The private meeting pages: the full list (with video links), planning, editing and attendance. */
export function meetingAdminPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/meetings", async (c) => {
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
        <>
          <PageHeader
            title="Meetings"
            lead="Every meeting, members-only ones included. Video links are on each meeting's page."
            actions={
              canPlanMeetings(actor) ? (
                <a class="button" href="/private/meetings/new">
                  Plan a meeting
                </a>
              ) : null
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <p class="muted" role="status">
            {total === 1 ? "1 meeting" : `${total} meetings`}
            {pages > 1 ? `, newest first, ${PRIVATE_MEETINGS_PER_PAGE} a page` : ""}.
          </p>
          {items.length === 0 ? (
            <EmptyState title="No meetings yet." />
          ) : (
            <MeetingTable items={items} secretariat={actor.roles.includes("secretariat")} />
          )}
          <Pagination
            page={page}
            pages={pages}
            href={(n) => (n > 1 ? `/private/meetings?page=${n}` : "/private/meetings")}
          />
        </>
      ),
    });
  });

  const formPage = async (
    c: AppContext,
    p: {
      title: string;
      action: string;
      submit: string;
      values: FormValues;
      errors?: FieldErrors;
      message?: string;
    },
  ) => {
    const actor = requirePerson(c);
    const [orgs, groups] = await Promise.all([listOrganisations(c.var.deps.db), plannableGroups(c, actor)]);
    return renderPrivate(c, {
      title: p.title,
      body: () => (
        <>
          <PageHeader title={p.title} />
          <MeetingForm
            action={p.action}
            csrf={c.var.csrfToken()}
            values={p.values}
            errors={p.errors}
            message={p.message}
            submit={p.submit}
            agencies={orgs.filter((o) => !o.leftOn)}
            groups={groups}
          />
        </>
      ),
    });
  };
  const newForm = (c: AppContext, values: FormValues, errors?: FieldErrors, message?: string) =>
    formPage(c, {
      title: "Plan a meeting",
      action: "/private/meetings/new",
      submit: "Plan meeting",
      values,
      errors,
      message,
    });

  app.get("/private/meetings/new", async (c) => {
    authorize(canPlanMeetings(requirePerson(c)), "Only the secretariat and group chairs plan meetings.");
    return newForm(c, { public: true, timeZone: "UTC" });
  });

  app.post("/private/meetings/new", async (c) => {
    const actor = requirePerson(c);
    authorize(canPlanMeetings(actor), "Only the secretariat and group chairs plan meetings.");
    return handleForm(
      c,
      async (body) => `/meetings/${(await createMeeting(c.var.deps, actor, body)).slug}?done=created`,
      (values, errors, message) => newForm(c, values, errors, message),
    );
  });

  const load = (c: AppContext) => loadManagedMeeting(c.var.deps, requirePerson(c), c.req.param("slug") ?? "");
  const editForm = (
    c: AppContext,
    m: MeetingDetail,
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) =>
    formPage(c, {
      title: `Edit: ${m.title}`,
      action: `/private/meetings/${m.slug}/edit`,
      submit: "Save meeting",
      values,
      errors,
      message,
    });

  app.get("/private/meetings/:slug/edit", async (c) => {
    const m = await load(c);
    return editForm(c, m, meetingValues(m));
  });

  app.post("/private/meetings/:slug/edit", async (c) => {
    const actor = requirePerson(c);
    const m = await load(c);
    authorize(canManageMeeting(actor, m));
    return handleForm(
      c,
      async (body) => {
        await updateMeeting(c.var.deps, actor, m.slug, body);
        return `/private/meetings?done=saved`;
      },
      (values, errors, message) => editForm(c, m, values, errors, message),
    );
  });

  const attendancePage = async (
    c: AppContext,
    m: MeetingDetail,
    values?: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) => {
    const orgs = await listOrganisations(c.var.deps.db);
    const chosen = new Set(
      values ? [values.agencies ?? []].flat().map(String) : m.attending.map((a) => a.acronym),
    );
    return renderPrivate(c, {
      title: `Attendance: ${m.title}`,
      body: () => (
        <>
          <PageHeader title={`Attendance: ${m.title}`} lead={meetingWhen(m)} />
          <form method="post" action={`/private/meetings/${m.slug}/attendance`} class="form" novalidate>
            <ErrorSummary errors={errors} message={message} />
            <CsrfField token={c.var.csrfToken()} />
            <fieldset>
              <legend>Agencies that attended</legend>
              <div class="checkbox-columns">
                {orgs.map((o) => (
                  <Checkbox
                    name="agencies"
                    value={o.acronym}
                    label={o.acronym}
                    checked={chosen.has(o.acronym)}
                  />
                ))}
              </div>
            </fieldset>
            <Field
              name="reportedAttendance"
              label="Number of agencies as reported"
              inputmode="numeric"
              value={values ? val(values, "reportedAttendance") : (m.reportedAttendance ?? "")}
              errors={errors}
              hint="Only for when the list of agencies is not known; a list, when ticked above, counts instead."
            />
            <p class="form-actions">
              <button class="button" type="submit">
                Save attendance
              </button>
              <a href="/private/meetings">Cancel</a>
            </p>
          </form>
        </>
      ),
    });
  };

  app.get("/private/meetings/:slug/attendance", async (c) => {
    authorize(canRecordAttendance(requirePerson(c)), "The secretariat records attendance.");
    return attendancePage(c, await load(c));
  });

  app.post("/private/meetings/:slug/attendance", async (c) => {
    const actor = requirePerson(c);
    authorize(canRecordAttendance(actor), "The secretariat records attendance.");
    const m = await load(c);
    return handleForm(
      c,
      async (body) => {
        await recordAttendance(c.var.deps, actor, m.slug, body);
        return "/private/meetings?done=attendance";
      },
      (values, errors, message) => attendancePage(c, m, values, errors, message),
    );
  });

  return app;
}
