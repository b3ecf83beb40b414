import { instantToZoned } from "../../../domain/time-zones.js";
import { hasRole } from "../../../http/actor.js";
import type { AppContext } from "../../../http/env.js";
import { AppError, type FieldErrors, forbidden } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { pageGroup } from "../../../http/routes.js";
import type { FormValues } from "../../../kit/forms.js";
import { handleUpload } from "../../../kit/uploads.js";
import { back, type Loaded, R, reviewPage } from "../comments/views/layout.js";
import { loadRound, roundPath } from "../load.pages.js";
import { setPosition } from "../positions/positions.service.js";
import { canEditProduct, canSetPosition } from "../products.policy.js";
import { formatDeadline } from "../rounds/deadline.presenter.js";
import { currentPositions, listPositionRows } from "../rounds/rounds.queries.js";
import { closeRoundEarly, sealedMessage } from "../rounds/rounds.service.js";
import { DEFERRAL_DAYS, extendDeadline, requestDeferral } from "./round-changes.service.js";
import { DeadlineForm, OnBehalfForm, ReasonForm } from "./views/round-change-forms.js";

type Render = (c: AppContext, l: Loaded, v: FormValues, e?: FieldErrors, m?: string) => Promise<Response>;

const ensureOpen = (l: Loaded) => {
  if (l.round.status !== "open") throw new AppError("conflict", sealedMessage);
};
const ensureEditor = (l: Loaded) => {
  if (!canEditProduct(l.actor, l.product)) throw forbidden("Only the product's editors do this.");
};

const closePage: Render = async (c, l, v, e, m) => {
  const answered = currentPositions(await listPositionRows(c.var.deps.db, l.round.id));
  const waiting = l.round.agencies.filter((a) => !answered.has(a.id)).map((a) => a.acronym);
  const lead = waiting.length
    ? `Still waiting for ${waiting.join(", ")}. Only the secretariat closes a round before every agency has answered, with a reason; silence then counts as the round says.`
    : "Every participating agency has given its position. The round is then sealed: no more comments, submissions or position changes.";
  return reviewPage(c, l, {
    title: `Close round ${l.round.number} now?`,
    lead,
    form: (csrf) => (
      <ReasonForm
        action={roundPath(l.product.slug, l.round.number, "/close")}
        csrf={csrf}
        values={v}
        errors={e}
        message={m}
        cancel={roundPath(l.product.slug, l.round.number)}
        label="Reason"
        hint={
          waiting.length
            ? "Required: why the round closes without their answer. Kept in the history."
            : "Optional; kept in the history."
        }
        submit="Close the round now"
        required={waiting.length > 0}
      />
    ),
  });
};

const deadlinePage: Render = async (c, l, v, e, m) =>
  reviewPage(c, l, {
    title: `Move the deadline of round ${l.round.number}`,
    lead: `Now ${formatDeadline(l.round.deadline, l.round.timeZone)}. The participating agencies' members are e-mailed the new deadline and the reason.`,
    form: (csrf) => (
      <DeadlineForm
        action={roundPath(l.product.slug, l.round.number, "/deadline")}
        csrf={csrf}
        values={v}
        errors={e}
        message={m}
        cancel={roundPath(l.product.slug, l.round.number)}
      />
    ),
  });

const deferralPage: Render = async (c, l, v, e, m) =>
  reviewPage(c, l, {
    title: `Ask for a two-week deferral of round ${l.round.number}`,
    lead: `Your agency may do this once per round: the deadline moves ${DEFERRAL_DAYS} days later for everyone, and every participant is told why.`,
    form: (csrf) => (
      <ReasonForm
        action={roundPath(l.product.slug, l.round.number, "/deferral")}
        csrf={csrf}
        values={v}
        errors={e}
        message={m}
        cancel={roundPath(l.product.slug, l.round.number)}
        label="Reason"
        hint="Why your agency needs more time."
        submit="Defer by two weeks"
        required
      />
    ),
  });

const onBehalfPage: Render = async (c, l, v, e, m) =>
  reviewPage(c, l, {
    title: "Record a position on an agency's behalf",
    lead: "For a position the agency sent the secretariat (by e-mail, letter …). It is labelled as recorded by the secretariat everywhere.",
    form: (csrf) => (
      <OnBehalfForm
        action={roundPath(l.product.slug, l.round.number, "/positions/on-behalf")}
        csrf={csrf}
        values={v}
        errors={e}
        message={m}
        cancel={roundPath(l.product.slug, l.round.number)}
        agencies={l.round.agencies}
      />
    ),
  });

/** The open round, for the product's editors. */
async function openRoundToEdit(c: AppContext) {
  const l = await loadRound(c);
  ensureEditor(l);
  ensureOpen(l);
  return l;
}

/** The round, for the secretariat recording a position an agency sent it. */
async function roundForOnBehalf(c: AppContext) {
  const l = await loadRound(c);
  if (!hasRole(l.actor, "secretariat"))
    throw forbidden("Only the secretariat records a position on an agency's behalf.");
  return l;
}

async function closeRoundForm(c: AppContext) {
  return closePage(c, await openRoundToEdit(c), {});
}

async function closeRound(c: AppContext) {
  const l = await loadRound(c);
  return handleForm(
    c,
    async (body) => {
      await closeRoundEarly(c.var.deps, l.actor, l.product, l.round, body);
      return back(l, "closed");
    },
    (body, errors, message) => closePage(c, l, body, errors, message),
  );
}

/** The form starts from the current deadline, in the round's time zone. */
async function deadlineForm(c: AppContext) {
  const l = await openRoundToEdit(c);
  const local = instantToZoned(l.round.deadline, l.round.timeZone).slice(0, 16);
  return deadlinePage(c, l, { deadline: local, timeZone: l.round.timeZone });
}

async function moveDeadline(c: AppContext) {
  const l = await loadRound(c);
  return handleForm(
    c,
    async (body) => {
      await extendDeadline(c.var.deps, l.actor, l.product, l.round, body);
      return back(l, "deadline");
    },
    (body, errors, message) => deadlinePage(c, l, body, errors, message),
  );
}

async function deferralForm(c: AppContext) {
  const l = await loadRound(c);
  ensureOpen(l);
  const own = l.actor.organisationId;
  if (own === null || !canSetPosition(l.actor, l.round, own))
    throw forbidden("Only the focal points of a participating agency ask for its deferral.");
  return deferralPage(c, l, {});
}

async function deferRound(c: AppContext) {
  const l = await loadRound(c);
  return handleForm(
    c,
    async (body) => {
      await requestDeferral(c.var.deps, l.actor, l.product, l.round, body);
      return back(l, "deferred");
    },
    (body, errors, message) => deferralPage(c, l, body, errors, message),
  );
}

async function onBehalfForm(c: AppContext) {
  const l = await roundForOnBehalf(c);
  ensureOpen(l);
  return onBehalfPage(c, l, {});
}

async function recordOnBehalf(c: AppContext) {
  const l = await roundForOnBehalf(c);
  return handleUpload(
    c,
    async (values, file) => {
      if (!values.agency)
        throw new AppError("validation_failed", "Choose the agency.", { agency: "Choose the agency." });
      await setPosition(c.var.deps, l.actor, l.product, l.round, values, file);
      return back(l, "position");
    },
    (values, errors, message) => onBehalfPage(c, l, values as FormValues, errors, message),
  );
}

/** Rounds that fit real life: close early, move the deadline, an agency's deferral, positions sent by mail. */
export const roundChangePages = pageGroup([
  ["GET", `${R}/close`, closeRoundForm],
  ["POST", `${R}/close`, closeRound],
  ["GET", `${R}/deadline`, deadlineForm],
  ["POST", `${R}/deadline`, moveDeadline],
  ["GET", `${R}/deferral`, deferralForm],
  ["POST", `${R}/deferral`, deferRound],
  ["GET", `${R}/positions/on-behalf`, onBehalfForm],
  ["POST", `${R}/positions/on-behalf`, recordOnBehalf],
]);
