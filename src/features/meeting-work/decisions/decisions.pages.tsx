import type { AppContext } from "../../../http/env.js";
import type { FieldErrors } from "../../../http/errors.js";
import { handleForm, str } from "../../../http/forms.js";
import { idParam, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import { pageGroup } from "../../../http/routes.js";
import type { MeetingDetail } from "../../meetings/meetings.queries.js";
import { loadManagedMeetingWork } from "../meeting-work.service.js";
import { createDecision, decisionLabel, loadManagedDecision, updateDecision } from "./decisions.service.js";
import { DecisionForm } from "./views/decision-form.js";

type Form = { title: string; action: string; text: string; errors?: FieldErrors; message?: string };

function decisionForm(c: AppContext, m: MeetingDetail, p: Form) {
  return renderPrivate(c, {
    title: p.title,
    body: () => <DecisionForm m={m} {...p} csrf={c.var.csrfToken()} />,
  });
}

/** The meeting the address names, for someone who manages its work (its group's chairs, the secretariat). */
const managedMeeting = (c: AppContext) =>
  loadManagedMeetingWork(c.var.deps, requirePerson(c), c.req.param("slug") ?? "");
/** The decision the address names, with its meeting, for the same people. */
const managedDecision = (c: AppContext) =>
  loadManagedDecision(
    c.var.deps,
    requirePerson(c),
    c.req.param("slug") ?? "",
    idParam(c.req.param("number")),
  );

const done = (m: { slug: string }) => `/private/meetings/${m.slug}?done=decision#decisions`;
const newForm = (m: MeetingDetail) => ({
  title: "Record a decision",
  action: `/private/meetings/${m.slug}/decisions/new`,
});
const editForm = (m: MeetingDetail, d: { number: number }) => ({
  title: `Edit decision ${decisionLabel(d)}`,
  action: `/private/meetings/${m.slug}/decisions/${d.number}`,
});

async function newDecisionForm(c: AppContext) {
  const m = await managedMeeting(c);
  return decisionForm(c, m, { ...newForm(m), text: "" });
}

async function submitNewDecision(c: AppContext) {
  const m = await managedMeeting(c);
  return handleForm(
    c,
    async (body) => {
      await createDecision(c.var.deps, requirePerson(c), m.slug, body);
      return done(m);
    },
    (values, errors, message) =>
      decisionForm(c, m, { ...newForm(m), text: str(values.text), errors, message }),
  );
}

async function editDecisionForm(c: AppContext) {
  const { m, d } = await managedDecision(c);
  return decisionForm(c, m, { ...editForm(m, d), text: d.text });
}

async function saveDecision(c: AppContext) {
  const { m, d } = await managedDecision(c);
  return handleForm(
    c,
    async (body) => {
      await updateDecision(c.var.deps, requirePerson(c), m.slug, d.number, body);
      return done(m);
    },
    (values, errors, message) =>
      decisionForm(c, m, { ...editForm(m, d), text: str(values.text), errors, message }),
  );
}

/** Managers record decisions and correct their text; numbers never change. */
export const decisionPages = pageGroup([
  ["GET", "/private/meetings/:slug/decisions/new", newDecisionForm],
  ["POST", "/private/meetings/:slug/decisions/new", submitNewDecision],
  ["GET", "/private/meetings/:slug/decisions/:number", editDecisionForm],
  ["POST", "/private/meetings/:slug/decisions/:number", saveDecision],
]);
