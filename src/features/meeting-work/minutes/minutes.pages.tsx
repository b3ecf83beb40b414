import { diffLines } from "../../../domain/line-diff.js";
import type { AppContext } from "../../../http/env.js";
import { type FieldErrors, notFound } from "../../../http/errors.js";
import { handleForm, str } from "../../../http/forms.js";
import { idParam, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import type { MeetingDetail } from "../../meetings/meetings.queries.js";
import { loadMeetingForMember } from "../meeting.pages.js";
import { loadManagedMeetingWork } from "../meeting-work.service.js";
import { listLaterMeetings, listMinutes } from "./minutes.queries.js";
import { approveMinutes, createMinutesVersion } from "./minutes.service.js";
import { MinutesApproval } from "./views/minutes-approval.js";
import { MinutesForm } from "./views/minutes-form.js";
import { MinutesHistory, MinutesVersionPage } from "./views/minutes-history.js";

/** The meeting the address names, for someone who manages its work (its group's chairs, the secretariat). */
const managedMeeting = (c: AppContext) =>
  loadManagedMeetingWork(c.var.deps, requirePerson(c), c.req.param("slug") ?? "");

async function editPage(
  c: AppContext,
  m: MeetingDetail,
  text?: string,
  errors?: FieldErrors,
  message?: string,
) {
  const [latest] = await listMinutes(c.var.deps.db, m.id);
  return renderPrivate(c, {
    title: `Minutes: ${m.title}`,
    body: () => <MinutesForm {...{ m, latest, text, errors, message }} csrf={c.var.csrfToken()} />,
  });
}

async function approvalPage(
  c: AppContext,
  m: MeetingDetail,
  values?: Record<string, string | string[]>,
  errors?: FieldErrors,
  message?: string,
) {
  const [versions, later] = await Promise.all([
    listMinutes(c.var.deps.db, m.id),
    listLaterMeetings(c.var.deps.db, m.startsAt),
  ]);
  const [latest] = versions;
  return renderPrivate(c, {
    title: `Approve the minutes: ${m.title}`,
    body: () => (
      <MinutesApproval {...{ m, latest, later, values, errors, message }} csrf={c.var.csrfToken()} />
    ),
  });
}

const minutesForm = async (c: AppContext) => editPage(c, await managedMeeting(c));

async function saveMinutesVersion(c: AppContext) {
  const m = await managedMeeting(c);
  return handleForm(
    c,
    async (body) => {
      await createMinutesVersion(c.var.deps, requirePerson(c), m.slug, body);
      return `/private/meetings/${m.slug}?done=minutes#minutes`;
    },
    (values, errors, message) => editPage(c, m, str(values.text), errors, message),
  );
}

/** Every version, and two of them compared (`?a=` with `?b=`, by default the latest two). */
async function minutesHistory(c: AppContext) {
  const m = await loadMeetingForMember(c);
  const versions = await listMinutes(c.var.deps.db, m.id);
  const pick = (q: string | undefined, fallback: number) =>
    versions.find((v) => String(v.version) === q)?.version ?? fallback;
  const a = pick(c.req.query("a"), versions[1]?.version ?? 0);
  const b = pick(c.req.query("b"), versions[0]?.version ?? 0);
  const [va, vb] = [versions.find((v) => v.version === a), versions.find((v) => v.version === b)];
  const compared = versions.length > 1 && va && vb ? { a, b, lines: diffLines(va.text, vb.text) } : null;
  return renderPrivate(c, {
    title: `Minutes history: ${m.title}`,
    body: () => <MinutesHistory m={m} versions={versions} compared={compared} />,
  });
}

async function minutesVersion(c: AppContext) {
  const m = await loadMeetingForMember(c);
  const n = idParam(c.req.param("version"));
  const v = (await listMinutes(c.var.deps.db, m.id)).find((x) => x.version === n);
  if (!v) throw notFound("This version of the minutes");
  return renderPrivate(c, {
    title: `Minutes, version ${v.version}: ${m.title}`,
    body: () => <MinutesVersionPage m={m} v={v} />,
  });
}

const approvalForm = async (c: AppContext) => approvalPage(c, await managedMeeting(c));

async function recordApproval(c: AppContext) {
  const m = await managedMeeting(c);
  return handleForm(
    c,
    async (body) => {
      await approveMinutes(c.var.deps, requirePerson(c), m.slug, body);
      return `/private/meetings/${m.slug}?done=approved#minutes`;
    },
    (values, errors, message) => approvalPage(c, m, values, errors, message),
  );
}

/** Minutes: managers write versions and record approval at a later meeting; members read history and compare. */
export const minutesPages = pageGroup([
  ["GET", "/private/meetings/:slug/minutes", minutesForm],
  ["POST", "/private/meetings/:slug/minutes", saveMinutesVersion],
  ["GET", "/private/meetings/:slug/minutes/versions", minutesHistory],
  ["GET", "/private/meetings/:slug/minutes/versions/:version", minutesVersion],
  ["GET", "/private/meetings/:slug/minutes/approval", approvalForm],
  ["POST", "/private/meetings/:slug/minutes/approval", recordApproval],
]);
