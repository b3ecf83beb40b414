import type { AppContext } from "../../../http/env.js";
import type { FieldErrors } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { authorize, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import { ConfirmForm, PageHeader } from "../../../web/components.js";
import type { MeetingDetail } from "../../meetings/meetings.queries.js";
import { meetingWhen } from "../../meetings/views/meeting.js";
import { loadMeetingForMember } from "../meeting.pages.js";
import { canManageMeetingWork } from "../meeting-work.policy.js";
import { listRegistrations } from "./registrations.queries.js";
import { cancelRegistration, markAttended, registerForMeeting } from "./registrations.service.js";
import { RegistrationForm } from "./views/registration-form.js";
import { WhoAttended } from "./views/who-attended.js";

/** The meeting the address names, for someone who marks who attended it (its group's chairs, the secretariat). */
async function attendanceManager(c: AppContext) {
  const actor = requirePerson(c);
  const m = await loadMeetingForMember(c);
  authorize(canManageMeetingWork(actor, m), "Only the secretariat or the group's chair marks who attended.");
  return { actor, m };
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
    body: () => <WhoAttended {...{ m, rows, ticked, errors, message }} csrf={c.var.csrfToken()} />,
  });
}

async function register(c: AppContext) {
  const actor = requirePerson(c);
  const m = await loadMeetingForMember(c);
  return handleForm(
    c,
    async (body) => {
      await registerForMeeting(c.var.deps, actor, m.slug, body);
      return `/private/meetings/${m.slug}?done=registered#registration`;
    },
    (values, errors, message) =>
      renderPrivate(c, {
        title: `Register: ${m.title}`,
        body: () => <RegistrationForm {...{ m, values, errors, message }} csrf={c.var.csrfToken()} />,
      }),
  );
}

async function confirmCancellation(c: AppContext) {
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
}

async function cancelConfirmedRegistration(c: AppContext) {
  const actor = requirePerson(c);
  const m = await loadMeetingForMember(c);
  await cancelRegistration(c.var.deps, actor, m.slug);
  return c.redirect(`/private/meetings/${m.slug}?done=cancelled#registration`, 303);
}

async function whoAttendedForm(c: AppContext) {
  const { m } = await attendanceManager(c);
  return attendedPage(c, m);
}

async function saveWhoAttended(c: AppContext) {
  const { actor, m } = await attendanceManager(c);
  return handleForm(
    c,
    async (body) => {
      await markAttended(c.var.deps, actor, m.slug, body);
      return `/private/meetings/${m.slug}?done=attended#attendance`;
    },
    (values, errors, message) =>
      attendedPage(c, m, new Set([values.attended ?? []].flat().map(Number)), errors, message),
  );
}

/** Registering oneself, cancelling after confirmation, and managers marking who attended. */
export const registrationPages = pageGroup([
  ["POST", "/private/meetings/:slug/registration", register],
  ["GET", "/private/meetings/:slug/registration/cancel", confirmCancellation],
  ["POST", "/private/meetings/:slug/registration/cancel", cancelConfirmedRegistration],
  ["GET", "/private/meetings/:slug/registrations", whoAttendedForm],
  ["POST", "/private/meetings/:slug/registrations", saveWhoAttended],
]);
