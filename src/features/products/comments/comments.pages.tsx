import type { AppContext } from "../../../http/env.js";
import type { FieldErrors } from "../../../http/errors.js";
import { handleForm } from "../../../http/forms.js";
import { idParam } from "../../../http/guards.js";
import { pageGroup } from "../../../http/routes.js";
import type { FormValues } from "../../../kit/forms.js";
import { loadRound, roundPath } from "../load.pages.js";
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
import { back, confirmPage, type Loaded, R, reviewPage } from "./views/layout.js";
import { CommentForm } from "./views/review-forms.js";

/** A comment as its edit form shows it. */
const commentValues = (cm: Comment): FormValues => ({
  section: cm.sectionAnchor || "whole-document",
  category: cm.category,
  text: cm.text,
  proposedFrom: cm.proposedFrom ?? "",
  proposedTo: cm.proposedTo ?? "",
});

type CommentFormPage = { title: string; action: string; submit: string };

/** The write or edit form, with the sections of the version under review to comment on. */
async function commentPage(
  c: AppContext,
  l: Loaded,
  p: CommentFormPage,
  values: FormValues,
  errors?: FieldErrors,
  message?: string,
) {
  const sections = await commentableSections(c.var.deps, l.round);
  return reviewPage(c, l, {
    title: p.title,
    lead: `For ${l.actor.organisationAcronym}, on version ${l.round.versionNumber}. Other agencies see it only after your focal point submits your agency's comments.`,
    form: (csrf) => (
      <CommentForm
        action={p.action}
        csrf={csrf}
        {...{ values, errors, message, sections }}
        submit={p.submit}
        cancel={roundPath(l.product.slug, l.round.number)}
      />
    ),
  });
}

const newComment = (l: Loaded): CommentFormPage => ({
  title: "Write a comment",
  action: roundPath(l.product.slug, l.round.number, "/comments/new"),
  submit: "Save the comment",
});
const editComment = (l: Loaded, n: number): CommentFormPage => ({
  title: `Edit comment ${n}`,
  action: roundPath(l.product.slug, l.round.number, `/comments/${n}/edit`),
  submit: "Save changes",
});

/** The open round the address names, for someone of an agency that may still comment in it. */
async function roundToComment(c: AppContext) {
  const l = await loadRound(c);
  ensureMayComment(l.actor, l.round);
  return l;
}

/** The round and the comment the address names, while its author's agency may still change it. */
async function commentToChange(c: AppContext) {
  const l = await loadRound(c);
  const cm = await changeableComment(c.var.deps, l.actor, l.round, idParam(c.req.param("comment")));
  return { l, cm };
}

async function newCommentForm(c: AppContext) {
  const l = await roundToComment(c);
  return commentPage(c, l, newComment(l), { section: c.req.query("section") ?? "" });
}

async function saveNewComment(c: AppContext) {
  const l = await roundToComment(c);
  return handleForm(
    c,
    async (body) => {
      const cm = await createComment(c.var.deps, l.actor, l.product, l.round, body);
      return `${back(l, "commented")}#comment-${cm.number}`;
    },
    (body, errors, message) => commentPage(c, l, newComment(l), body, errors, message),
  );
}

async function editCommentForm(c: AppContext) {
  const { l, cm } = await commentToChange(c);
  return commentPage(c, l, editComment(l, cm.number), commentValues(cm));
}

async function saveComment(c: AppContext) {
  const { l, cm } = await commentToChange(c);
  return handleForm(
    c,
    async (body) => {
      await updateComment(c.var.deps, l.actor, l.product, l.round, cm.number, body);
      return `${back(l, "edited")}#comment-${cm.number}`;
    },
    (body, errors, message) => commentPage(c, l, editComment(l, cm.number), body, errors, message),
  );
}

async function confirmWithdrawal(c: AppContext) {
  const { l, cm } = await commentToChange(c);
  return confirmPage(c, l, {
    title: `Withdraw comment ${cm.number}?`,
    lead: "It will no longer count as one of your agency's comments; the record stays in the history.",
    action: roundPath(l.product.slug, l.round.number, `/comments/${cm.number}/withdraw`),
    button: `Withdraw comment ${cm.number}`,
    extra: <CommentItem ctx={l} c={cm} />,
  });
}

async function withdraw(c: AppContext) {
  const l = await loadRound(c);
  await withdrawComment(c.var.deps, l.actor, l.product, l.round, idParam(c.req.param("comment")));
  return c.redirect(back(l, "withdrawn"), 303);
}

async function confirmSubmission(c: AppContext) {
  const l = await loadRound(c);
  ensureMaySubmit(l.actor, l.round);
  return confirmPage(c, l, {
    title: `Submit ${l.actor.organisationAcronym}'s comments?`,
    lead: "Submitting is done once: every member can then read your agency's comments, and they can no longer change.",
    action: roundPath(l.product.slug, l.round.number, "/submit"),
    button: "Submit our comments",
  });
}

async function submit(c: AppContext) {
  const l = await loadRound(c);
  await submitComments(c.var.deps, l.actor, l.product, l.round);
  return c.redirect(back(l, "submitted"), 303);
}

/** An agency's comments in a round: write, edit, withdraw, and submit them all once. */
export const commentPages = pageGroup([
  ["GET", `${R}/comments/new`, newCommentForm],
  ["POST", `${R}/comments/new`, saveNewComment],
  ["GET", `${R}/comments/:comment/edit`, editCommentForm],
  ["POST", `${R}/comments/:comment/edit`, saveComment],
  ["GET", `${R}/comments/:comment/withdraw`, confirmWithdrawal],
  ["POST", `${R}/comments/:comment/withdraw`, withdraw],
  ["GET", `${R}/submit`, confirmSubmission],
  ["POST", `${R}/submit`, submit],
]);
