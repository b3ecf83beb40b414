import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { type FieldErrors, notFound } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { idParam } from "../../../http/guards.js";
import type { FormValues } from "../../../kit/forms.js";
import { loadRound, roundPath } from "../load.pages.js";
import { ensureMaySetPosition, setPosition } from "../positions/positions.service.js";
import { type Comment, findComment, type RoundDetail } from "../rounds/rounds.queries.js";
import { CommentItem } from "../rounds/views/round.js";
import { ensureMayDisposition } from "./comments.policy.js";
import { dispositionComment } from "./comments.service.js";
import { ensureMayRespond, respondToDisposition } from "./responses.service.js";
import { back, type Loaded, R, reviewPage } from "./views/layout.js";
import { DispositionForm, PositionForm, ResponseForm } from "./views/review-forms.js";

async function commentOf(c: AppContext, round: RoundDetail): Promise<Comment> {
  const comment = await findComment(c.var.deps.db, round.id, idParam(c.req.param("comment")));
  if (!comment) throw notFound("The comment");
  return comment;
}

/** Answers in a round: the editors' disposition of each comment and each agency's position. */
export function dispositionAndPositionPages() {
  const app = new Hono<AppEnv>();

  const dispositionPage = (
    c: AppContext,
    l: Loaded,
    cm: Comment,
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) =>
    reviewPage(c, l, {
      title: `Disposition of comment ${cm.number}`,
      form: (csrf) => (
        <>
          <CommentItem ctx={l} c={cm} />
          <DispositionForm
            action={roundPath(l.product.slug, l.round.number, `/comments/${cm.number}/disposition`)}
            csrf={csrf}
            values={values}
            errors={errors}
            message={message}
            cancel={roundPath(l.product.slug, l.round.number)}
          />
        </>
      ),
    });
  app.get(`${R}/comments/:comment/disposition`, async (c) => {
    const l = await loadRound(c);
    const cm = await commentOf(c, l.round);
    ensureMayDisposition(l.actor, l.product, l.round, cm);
    return dispositionPage(c, l, cm, { disposition: cm.disposition ?? "", rationale: cm.rationale ?? "" });
  });
  app.post(`${R}/comments/:comment/disposition`, async (c) => {
    const l = await loadRound(c);
    const cm = await commentOf(c, l.round);
    ensureMayDisposition(l.actor, l.product, l.round, cm);
    return handleForm(
      c,
      async (body) => {
        await dispositionComment(c.var.deps, l.actor, l.product, l.round, cm.number, body);
        return `${back(l, "disposition")}#comment-${cm.number}`;
      },
      (body, errors, message) => dispositionPage(c, l, cm, body, errors, message),
    );
  });

  const positionPage = (
    c: AppContext,
    l: Loaded,
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) =>
    reviewPage(c, l, {
      title: `${l.actor.organisationAcronym}'s position`,
      lead: "Each change is kept in the history; the newest counts when the round closes.",
      form: (csrf) => (
        <PositionForm
          action={roundPath(l.product.slug, l.round.number, "/position")}
          csrf={csrf}
          values={values}
          errors={errors}
          message={message}
          cancel={roundPath(l.product.slug, l.round.number)}
        />
      ),
    });
  app.get(`${R}/position`, async (c) => {
    const l = await loadRound(c);
    ensureMaySetPosition(l.actor, l.round);
    return positionPage(c, l, {});
  });
  app.post(`${R}/position`, async (c) => {
    const l = await loadRound(c);
    ensureMaySetPosition(l.actor, l.round);
    return handleForm(
      c,
      async (body) => {
        await setPosition(c.var.deps, l.actor, l.product, l.round, body);
        return back(l, "position");
      },
      (body, errors, message) => positionPage(c, l, body, errors, message),
    );
  });

  const responsePage = (
    c: AppContext,
    l: Loaded,
    cm: Comment,
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) =>
    reviewPage(c, l, {
      title: `Answer the disposition of comment ${cm.number}`,
      lead: "Your agency accepts the disposition, or contests it and says why; the editors and the history see it.",
      form: (csrf) => (
        <>
          <CommentItem ctx={l} c={cm} />
          <ResponseForm
            action={roundPath(l.product.slug, l.round.number, `/comments/${cm.number}/response`)}
            csrf={csrf}
            values={values}
            errors={errors}
            message={message}
            cancel={roundPath(l.product.slug, l.round.number)}
          />
        </>
      ),
    });
  app.get(`${R}/comments/:comment/response`, async (c) => {
    const l = await loadRound(c);
    const cm = await commentOf(c, l.round);
    ensureMayRespond(l.actor, l.product, cm);
    return responsePage(c, l, cm, { response: cm.response ?? "", note: cm.responseNote ?? "" });
  });
  app.post(`${R}/comments/:comment/response`, async (c) => {
    const l = await loadRound(c);
    const cm = await commentOf(c, l.round);
    ensureMayRespond(l.actor, l.product, cm);
    return handleForm(
      c,
      async (body) => {
        await respondToDisposition(c.var.deps, l.actor, l.product, l.round, cm.number, body);
        return `${back(l, "response")}#comment-${cm.number}`;
      },
      (body, errors, message) => responsePage(c, l, cm, body, errors, message),
    );
  });

  return app;
}
