import type { AppContext } from "../../../http/env.js";
import { type FieldErrors, notFound } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { idParam } from "../../../http/guards.js";
import { pageGroup } from "../../../http/routes.js";
import type { FormValues } from "../../../kit/forms.js";
import { loadRound, roundPath } from "../load.pages.js";
import { ensureMaySetPosition, setPosition } from "../positions/positions.service.js";
import { type Comment, findComment } from "../rounds/rounds.queries.js";
import { CommentItem } from "../rounds/views/round.js";
import { ensureMayDisposition } from "./comments.policy.js";
import { dispositionComment } from "./comments.service.js";
import { ensureMayRespond, respondToDisposition } from "./responses.service.js";
import { back, type Loaded, R, reviewPage } from "./views/layout.js";
import { DispositionForm, PositionForm, ResponseForm } from "./views/review-forms.js";

/** The round and the comment the address names. */
async function roundAndComment(c: AppContext): Promise<{ l: Loaded; cm: Comment }> {
  const l = await loadRound(c);
  const cm = await findComment(c.var.deps.db, l.round.id, idParam(c.req.param("comment")));
  if (!cm) throw notFound("The comment");
  return { l, cm };
}

/** The comment to answer, for the product's editors while the round is theirs to disposition. */
async function commentToDisposition(c: AppContext) {
  const { l, cm } = await roundAndComment(c);
  ensureMayDisposition(l.actor, l.product, l.round, cm);
  return { l, cm };
}

/** The disposition to answer, for the commenting agency. */
async function dispositionToAnswer(c: AppContext) {
  const { l, cm } = await roundAndComment(c);
  ensureMayRespond(l.actor, l.product, cm);
  return { l, cm };
}

/** The round, for an agency that may set its position in it. */
async function roundForPosition(c: AppContext) {
  const l = await loadRound(c);
  ensureMaySetPosition(l.actor, l.round);
  return l;
}

function dispositionPage(
  c: AppContext,
  l: Loaded,
  cm: Comment,
  values: FormValues,
  errors?: FieldErrors,
  message?: string,
) {
  return reviewPage(c, l, {
    title: `Disposition of comment ${cm.number}`,
    form: (csrf) => (
      <>
        <CommentItem ctx={l} c={cm} />
        <DispositionForm
          action={roundPath(l.product.slug, l.round.number, `/comments/${cm.number}/disposition`)}
          csrf={csrf}
          {...{ values, errors, message }}
          cancel={roundPath(l.product.slug, l.round.number)}
        />
      </>
    ),
  });
}

function positionPage(c: AppContext, l: Loaded, values: FormValues, errors?: FieldErrors, message?: string) {
  return reviewPage(c, l, {
    title: `${l.actor.organisationAcronym}'s position`,
    lead: "Each change is kept in the history; the newest counts when the round closes.",
    form: (csrf) => (
      <PositionForm
        action={roundPath(l.product.slug, l.round.number, "/position")}
        csrf={csrf}
        {...{ values, errors, message }}
        cancel={roundPath(l.product.slug, l.round.number)}
      />
    ),
  });
}

function responsePage(
  c: AppContext,
  l: Loaded,
  cm: Comment,
  values: FormValues,
  errors?: FieldErrors,
  message?: string,
) {
  return reviewPage(c, l, {
    title: `Answer the disposition of comment ${cm.number}`,
    lead: "Your agency accepts the disposition, or contests it and says why; the editors and the history see it.",
    form: (csrf) => (
      <>
        <CommentItem ctx={l} c={cm} />
        <ResponseForm
          action={roundPath(l.product.slug, l.round.number, `/comments/${cm.number}/response`)}
          csrf={csrf}
          {...{ values, errors, message }}
          cancel={roundPath(l.product.slug, l.round.number)}
        />
      </>
    ),
  });
}

async function dispositionForm(c: AppContext) {
  const { l, cm } = await commentToDisposition(c);
  return dispositionPage(c, l, cm, { disposition: cm.disposition ?? "", rationale: cm.rationale ?? "" });
}

async function saveDisposition(c: AppContext) {
  const { l, cm } = await commentToDisposition(c);
  return handleForm(
    c,
    async (body) => {
      await dispositionComment(c.var.deps, l.actor, l.product, l.round, cm.number, body);
      return `${back(l, "disposition")}#comment-${cm.number}`;
    },
    (body, errors, message) => dispositionPage(c, l, cm, body, errors, message),
  );
}

async function positionForm(c: AppContext) {
  return positionPage(c, await roundForPosition(c), {});
}

async function savePosition(c: AppContext) {
  const l = await roundForPosition(c);
  return handleForm(
    c,
    async (body) => {
      await setPosition(c.var.deps, l.actor, l.product, l.round, body);
      return back(l, "position");
    },
    (body, errors, message) => positionPage(c, l, body, errors, message),
  );
}

async function responseForm(c: AppContext) {
  const { l, cm } = await dispositionToAnswer(c);
  return responsePage(c, l, cm, { response: cm.response ?? "", note: cm.responseNote ?? "" });
}

async function saveResponse(c: AppContext) {
  const { l, cm } = await dispositionToAnswer(c);
  return handleForm(
    c,
    async (body) => {
      await respondToDisposition(c.var.deps, l.actor, l.product, l.round, cm.number, body);
      return `${back(l, "response")}#comment-${cm.number}`;
    },
    (body, errors, message) => responsePage(c, l, cm, body, errors, message),
  );
}

/** Answers in a round: the editors' disposition of each comment, each agency's position, and its response. */
export const dispositionAndPositionPages = pageGroup([
  ["GET", `${R}/comments/:comment/disposition`, dispositionForm],
  ["POST", `${R}/comments/:comment/disposition`, saveDisposition],
  ["GET", `${R}/position`, positionForm],
  ["POST", `${R}/position`, savePosition],
  ["GET", `${R}/comments/:comment/response`, responseForm],
  ["POST", `${R}/comments/:comment/response`, saveResponse],
]);
