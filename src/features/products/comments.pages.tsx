import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import { type FieldErrors, forbidden, notFound } from "../../http/errors.js";
import { handleForm } from "../../http/forms.js";
import { idParam } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { CsrfField, PageHeader } from "../../web/components.js";
import {
  changeableComment,
  ensureMayComment,
  ensureMayDisposition,
  ensureMaySubmit,
} from "./comments.guards.js";
import {
  addComment,
  commentableSections,
  dispositionComment,
  submitComments,
  updateComment,
  withdrawComment,
} from "./comments.service.js";
import { ensureMaySetPosition, setPosition } from "./positions.service.js";
import { loadRound, roundPath } from "./products.load.js";
import { canEditProduct } from "./products.policy.js";
import type { ProductDetail } from "./products.queries.js";
import { type Comment, findComment, type RoundDetail } from "./rounds.queries.js";
import { closeRoundEarly } from "./rounds.service.js";
import type { FormValues } from "./views/forms.js";
import { CommentForm, DispositionForm, PositionForm } from "./views/review-forms.js";
import { CommentItem } from "./views/round.js";

type Loaded = Awaited<ReturnType<typeof loadRound>>;
type Page = { title: string; lead?: string; form: (csrf: string) => unknown };

function reviewPage(c: AppContext, l: Loaded, page: Page) {
  return renderPrivate(c, {
    title: `${page.title}: ${l.product.title}`,
    body: () => (
      <>
        <nav class="breadcrumb" aria-label="Breadcrumb">
          <a href="/private/products">Products</a> ›{" "}
          <a href={roundPath(l.product.slug, l.round.number)}>
            {l.product.title}, round {l.round.number}
          </a>
        </nav>
        <PageHeader title={page.title} lead={page.lead} />
        {page.form(c.var.csrfToken()) as never}
      </>
    ),
  });
}

/** A confirmation page: what will happen, one button, and a way back. */
function confirmPage(
  c: AppContext,
  l: Loaded,
  p: { title: string; lead: string; action: string; button: string; extra?: unknown },
) {
  return reviewPage(c, l, {
    title: p.title,
    lead: p.lead,
    form: (csrf) => (
      <>
        {p.extra as never}
        <form method="post" action={p.action} class="form">
          <CsrfField token={csrf} />
          <p class="form-actions">
            <button class="button" type="submit">
              {p.button}
            </button>
            <a href={roundPath(l.product.slug, l.round.number)}>Cancel</a>
          </p>
        </form>
      </>
    ),
  });
}

async function commentOf(c: AppContext, round: RoundDetail): Promise<Comment> {
  const comment = await findComment(c.var.deps.db, round.id, idParam(c.req.param("comment")));
  if (!comment) throw notFound("The comment");
  return comment;
}

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
  const R = "/private/products/:slug/rounds/:round";
  const back = (l: { product: ProductDetail; round: RoundDetail }, done: string) =>
    roundPath(l.product.slug, l.round.number, `?done=${done}`);

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
        const cm = await addComment(c.var.deps, l.actor, l.product, l.round, body);
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

  app.get(`${R}/close`, async (c) => {
    const l = await loadRound(c);
    if (!canEditProduct(l.actor, l.product)) throw forbidden("Only the product's editors close rounds.");
    return confirmPage(c, l, {
      title: `Close round ${l.round.number} now?`,
      lead: "Every participating agency must have given its position. The round is then sealed: no more comments, submissions or position changes.",
      action: roundPath(l.product.slug, l.round.number, "/close"),
      button: "Close the round now",
    });
  });
  app.post(`${R}/close`, async (c) => {
    const l = await loadRound(c);
    await closeRoundEarly(c.var.deps, l.actor, l.product, l.round);
    return c.redirect(back(l, "closed"), 303);
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

  return app;
}
