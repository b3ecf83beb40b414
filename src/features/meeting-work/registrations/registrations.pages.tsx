import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/env.js";
import type { FieldErrors } from "../../../http/errors.js";
import { handleForm, str } from "../../../http/forms.js";
import { authorize, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import {
  Checkbox,
  ConfirmForm,
  CsrfField,
  EmptyState,
  ErrorSummary,
  PageHeader,
  Select,
} from "../../../web/components.js";
import type { MeetingDetail } from "../../meetings/meetings.queries.js";
import { meetingWhen } from "../../meetings/views/meeting.js";
import { loadMeetingForMember } from "../meeting.pages.js";
import { attendanceModesFor, canManageMeetingWork } from "../meeting-work.policy.js";
import { registrationModeLabels } from "../meeting-work.schemas.js";
import { listRegistrations } from "./registrations.queries.js";
import { byAgency, cancelRegistration, markAttended, registerForMeeting } from "./registrations.service.js";

const onlyManagers = "Only the secretariat or the group's chair marks who attended.";

function registrationForm(
  c: AppContext,
  m: MeetingDetail,
  values: Record<string, string | string[]>,
  errors: FieldErrors,
  message: string,
) {
  return renderPrivate(c, {
    title: `Register: ${m.title}`,
    body: () => (
      <>
        <PageHeader title={`Register: ${m.title}`} lead={meetingWhen(m)} />
        <form method="post" action={`/private/meetings/${m.slug}/registration`} class="form" novalidate>
          <ErrorSummary errors={errors} message={message} />
          <CsrfField token={c.var.csrfToken()} />
          <Select
            name="attendance"
            label="I will attend"
            value={str(values.attendance)}
            errors={errors}
            options={attendanceModesFor(m.mode).map((x) => ({ value: x, label: registrationModeLabels[x] }))}
            required
          />
          <p class="form-actions">
            <button class="button" type="submit">
              Register
            </button>
            <a href={`/private/meetings/${m.slug}`}>Back to the meeting</a>
          </p>
        </form>
      </>
    ),
  });
}

async function attendedPage(
  c: AppContext,
  m: MeetingDetail,
  chosen?: Set<number>,
  errors?: FieldErrors,
  message?: string,
) {
  const rows = await listRegistrations(c.var.deps.db, m.id);
  const ticked = chosen ?? new Set(rows.filter((r) => r.attended).map((r) => r.id));
  return renderPrivate(c, {
    title: `Who attended: ${m.title}`,
    body: () => (
      <>
        <PageHeader
          title={`Who attended: ${m.title}`}
          lead="Tick the registered people who attended. Their agencies count as attending the meeting."
        />
        {rows.length ? (
          <form method="post" action={`/private/meetings/${m.slug}/registrations`} class="form" novalidate>
            <ErrorSummary errors={errors} message={message} />
            <CsrfField token={c.var.csrfToken()} />
            {byAgency(rows).map((g) => (
              <fieldset>
                <legend>{g.agency}</legend>
                {g.people.map((r) => (
                  <Checkbox
                    name="attended"
                    value={String(r.id)}
                    label={r.name}
                    hint={`(${registrationModeLabels[r.attendance].toLowerCase()})`}
                    checked={ticked.has(r.id)}
                  />
                ))}
              </fieldset>
            ))}
            <p class="form-actions">
              <button class="button" type="submit">
                Save who attended
              </button>
              <a href={`/private/meetings/${m.slug}`}>Cancel</a>
            </p>
          </form>
        ) : (
          <>
            {/* A form posted for a meeting nobody registered for still says what was wrong. */}
            <ErrorSummary errors={errors} message={message} />
            <EmptyState title="Nobody has registered yet" />
          </>
        )}
      </>
    ),
  });
}

/** Registering oneself, cancelling after confirmation, and managers marking who attended. */
export function registrationPages() {
  const app = new Hono<AppEnv>();

  app.post("/private/meetings/:slug/registration", async (c) => {
    const actor = requirePerson(c);
    const m = await loadMeetingForMember(c);
    return handleForm(
      c,
      async (body) => {
        await registerForMeeting(c.var.deps, actor, m.slug, body);
        return `/private/meetings/${m.slug}?done=registered#registration`;
      },
      (values, errors, message) => registrationForm(c, m, values, errors, message),
    );
  });

  app.get("/private/meetings/:slug/registration/cancel", async (c) => {
    const m = await loadMeetingForMember(c);
    return renderPrivate(c, {
      title: `Cancel your registration: ${m.title}`,
      body: () => (
        <>
          <PageHeader title={`Cancel your registration for ${m.title}?`} lead={meetingWhen(m)} />
          <ConfirmForm
            action={`/private/meetings/${m.slug}/registration/cancel`}
            csrf={c.var.csrfToken()}
            button="Cancel my registration"
            back={`/private/meetings/${m.slug}`}
          />
        </>
      ),
    });
  });

  app.post("/private/meetings/:slug/registration/cancel", async (c) => {
    const actor = requirePerson(c);
    const m = await loadMeetingForMember(c);
    await cancelRegistration(c.var.deps, actor, m.slug);
    return c.redirect(`/private/meetings/${m.slug}?done=cancelled#registration`, 303);
  });

  app.get("/private/meetings/:slug/registrations", async (c) => {
    const actor = requirePerson(c);
    const m = await loadMeetingForMember(c);
    authorize(canManageMeetingWork(actor, m), onlyManagers);
    return attendedPage(c, m);
  });

  app.post("/private/meetings/:slug/registrations", async (c) => {
    const actor = requirePerson(c);
    const m = await loadMeetingForMember(c);
    authorize(canManageMeetingWork(actor, m), onlyManagers);
    return handleForm(
      c,
      async (body) => {
        await markAttended(c.var.deps, actor, m.slug, body);
        return `/private/meetings/${m.slug}?done=attended#attendance`;
      },
      (values, errors, message) =>
        attendedPage(c, m, new Set([values.attended ?? []].flat().map(Number)), errors, message),
    );
  });

  return app;
}
