import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../../http/env.js";
import type { FieldErrors } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { idParam } from "../../../http/guards.js";
import type { FormValues } from "../../../kit/forms.js";
import { loadRound, roundPath } from "../load.pages.js";
import { roundChangePages } from "../round-changes/round-changes.pages.js";
import type { Comment } from "../rounds/rounds.queries.js";
import { CommentItem } from "../rounds/views/round.js";
import { ensureMayComment, ensureMaySubmit } from "./comments.policy.js";
import {
  changeableComment,
  commentableSections,
  createComment,
  submitComments,
  updateComment,
  withdrawComment,
} from "./comments.service.js";
import { dispositionAndPositionPages } from "./dispositions.pages.js";
import { back, confirmPage, type Loaded, R, reviewPage } from "./views/layout.js";
import { CommentForm } from "./views/review-forms.js";

const commentValues = (cm: Comment): FormValues => ({
  section: cm.sectionAnchor || "whole-document",
  category: cm.category,
  text: cm.text,
  proposedFrom: cm.proposedFrom ?? "",
  proposedTo: cm.proposedTo ?? "",
});

/** Forms of a round: comments (write, edit, withdraw, submit), dispositions and positions. */
export function reviewPages() {
  const app = new Hono<AppEnv>();

  const commentPage = async (
    c: AppContext,
    l: Loaded,
    p: { title: string; action: string; submit: string },
    values: FormValues,
    errors?: FieldErrors,
    message?: string,
  ) => {
    const sections = await commentableSections(c.var.deps, l.round);
    return reviewPage(c, l, {
      title: p.title,
      lead: `For ${l.actor.organisationAcronym}, on version ${l.round.versionNumber}. Other agencies see it only after your focal point submits your agency's comments.`,
      form: (csrf) => (
        <CommentForm
          action={p.action}
          csrf={csrf}
          values={values}
          errors={errors}
          message={message}
          sections={sections}
          submit={p.submit}
          cancel={roundPath(l.product.slug, l.round.number)}
        />
      ),
    });
  };

  const newComment = (l: Loaded) => ({
    title: "Write a comment",
    action: roundPath(l.product.slug, l.round.number, "/comments/new"),
    submit: "Save the comment",
  });
  app.get(`${R}/comments/new`, async (c) => {
    const l = await loadRound(c);
    ensureMayComment(l.actor, l.round);
    return commentPage(c, l, newComment(l), { section: c.req.query("section") ?? "" });
  });
  app.post(`${R}/comments/new`, async (c) => {
    const l = await loadRound(c);
    ensureMayComment(l.actor, l.round);
    return handleForm(
      c,
      async (body) => {
        const cm = await createComment(c.var.deps, l.actor, l.product, l.round, body);
        return `${back(l, "commented")}#comment-${cm.number}`;
      },
      (body, errors, message) => commentPage(c, l, newComment(l), body, errors, message),
    );
  });

  const editComment = (l: Loaded, n: number) => ({
    title: `Edit comment ${n}`,
    action: roundPath(l.product.slug, l.round.number, `/comments/${n}/edit`),
    submit: "Save changes",
  });
  app.get(`${R}/comments/:comment/edit`, async (c) => {
    const l = await loadRound(c);
    const cm = await changeableComment(c.var.deps, l.actor, l.round, idParam(c.req.param("comment")));
    return commentPage(c, l, editComment(l, cm.number), commentValues(cm));
  });
  app.post(`${R}/comments/:comment/edit`, async (c) => {
    const l = await loadRound(c);
    const cm = await changeableComment(c.var.deps, l.actor, l.round, idParam(c.req.param("comment")));
    return handleForm(
      c,
      async (body) => {
        await updateComment(c.var.deps, l.actor, l.product, l.round, cm.number, body);
        return `${back(l, "edited")}#comment-${cm.number}`;
      },
      (body, errors, message) => commentPage(c, l, editComment(l, cm.number), body, errors, message),
    );
  });

  app.get(`${R}/comments/:comment/withdraw`, async (c) => {
    const l = await loadRound(c);
    const cm = await changeableComment(c.var.deps, l.actor, l.round, idParam(c.req.param("comment")));
    return confirmPage(c, l, {
      title: `Withdraw comment ${cm.number}?`,
      lead: "It will no longer count as one of your agency's comments; the record stays in the history.",
      action: roundPath(l.product.slug, l.round.number, `/comments/${cm.number}/withdraw`),
      button: `Withdraw comment ${cm.number}`,
      extra: <CommentItem ctx={l} c={cm} />,
    });
  });
  app.post(`${R}/comments/:comment/withdraw`, async (c) => {
    const l = await loadRound(c);
    await withdrawComment(c.var.deps, l.actor, l.product, l.round, idParam(c.req.param("comment")));
    return c.redirect(back(l, "withdrawn"), 303);
  });

  app.get(`${R}/submit`, async (c) => {
    const l = await loadRound(c);
    ensureMaySubmit(l.actor, l.round);
    return confirmPage(c, l, {
      title: `Submit ${l.actor.organisationAcronym}'s comments?`,
      lead: "Submitting is done once: every member can then read your agency's comments, and they can no longer change.",
      action: roundPath(l.product.slug, l.round.number, "/submit"),
      button: "Submit our comments",
    });
  });
  app.post(`${R}/submit`, async (c) => {
    const l = await loadRound(c);
    await submitComments(c.var.deps, l.actor, l.product, l.round);
    return c.redirect(back(l, "submitted"), 303);
  });

  app.route("/", dispositionAndPositionPages());
  app.route("/", roundChangePages());
  return app;
}
