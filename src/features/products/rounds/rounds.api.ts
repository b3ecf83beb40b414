import { createRoute, z } from "@hono/zod-openapi";
import { body, errorResponse, errors, json, parsedByUseCase } from "../../../http/api-schemas.js";
import type { AppContext } from "../../../http/env.js";
import { AppError } from "../../../http/errors.js";
import { idParam } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import { isSubmitted } from "../comments/comments.policy.js";
import {
  createComment,
  dispositionComment,
  submitComments,
  updateComment,
  withdrawComment,
} from "../comments/comments.service.js";
import { respondToDisposition } from "../comments/responses.service.js";
import { loadProduct, loadRound } from "../load.pages.js";
import { setPosition, visiblePositions } from "../positions/positions.service.js";
import { canSeeComment } from "../products.policy.js";
import { CommentJson, commentJson, RoundJson, roundJson } from "../products.presenter.js";
import {
  commentInput,
  dispositionInput,
  namedAgencyInput,
  onBehalfInput,
  positionInput,
  responseInput,
  roundInput,
} from "../products.schemas.js";
import { findComment, listComments } from "./rounds.queries.js";
import { currentRound, openRound } from "./rounds.service.js";

const p = (name: string, example: string) => z.string().openapi({ param: { name, in: "path" }, example });
const productParams = z.object({ slug: p("slug", "lunar-surface-white-paper") });
const roundParams = productParams.extend({ round: p("round", "1") });
const commentParams = roundParams.extend({ comment: p("comment", "1") });
// A body may name the agency it speaks for (read by `namedAgency` before the policy), and the
// secretariat adds its evidence when it records a position on an agency's behalf.
const agencyFor = (description: string) => ({
  agency: namedAgencyInput.shape.agency.meta({ description, example: "ESA" }),
});
const RoundWrite = parsedByUseCase(roundInput, "ReviewRoundWrite");
const CommentWrite = parsedByUseCase(
  commentInput.extend(agencyFor("optional; only your own agency (another is refused with 403)")),
  "ReviewCommentWrite",
);
const DispositionWrite = parsedByUseCase(dispositionInput, "DispositionWrite");
const PositionWrite = parsedByUseCase(
  positionInput.safeExtend({
    ...agencyFor(
      "optional; a focal point may only name their own agency (another is refused with 403). The secretariat names the agency to record its position on its behalf, with evidence.",
    ),
    ...onBehalfInput.shape,
  }),
  "PositionWrite",
);
const ResponseWrite = parsedByUseCase(responseInput, "DispositionResponseWrite");
const security = [{ session: [] }];
const tags = ["Products"];
const writeErrors = {
  ...errors,
  409: errorResponse("The round is closed (sealed), or the agency's comments are already submitted"),
};

/** The round as the caller may see it: hidden positions and other agencies' drafts left out. */
async function roundData(c: AppContext, loaded?: Awaited<ReturnType<typeof loadRound>>) {
  const { actor, product, round } = loaded ?? (await loadRound(c));
  const [all, positions] = await Promise.all([
    listComments(c.var.deps.db, round.id),
    visiblePositions(c.var.deps, actor, product, round),
  ]);
  const comments = all
    .filter((cm) => canSeeComment(actor, cm, isSubmitted(round, cm.organisationId)))
    .map((cm) => commentJson(cm, isSubmitted(round, cm.organisationId)));
  return roundJson(round, positions, comments);
}

async function commentData(c: AppContext, number: number) {
  const { round } = await loadRound(c);
  const cm = await findComment(c.var.deps.db, round.id, number);
  if (!cm) throw new AppError("not_found", "No such comment.");
  return commentJson(cm, isSubmitted(round, cm.organisationId));
}

/** Registers review rounds, comments, submissions, dispositions and positions. */
export function registerRoundsApi(api: Api) {
  api.openapi(
    createRoute({
      method: "put",
      path: "/products/{slug}/rounds/{round}/comments/{comment}/response",
      tags,
      security,
      summary: "Accept or contest a comment's disposition",
      description: "The focal points of the agency that wrote the comment; contesting needs a note.",
      request: { params: commentParams, ...body(ResponseWrite) },
      responses: { 200: json(z.object({ data: CommentJson }), "Saved"), ...writeErrors },
    }),
    async (c) => {
      const { actor, product, round } = await loadRound(c);
      const n = idParam(c.req.valid("param").comment);
      await respondToDisposition(c.var.deps, actor, product, round, n, c.req.valid("json"));
      return c.json({ data: await commentData(c, n) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/products/{slug}/rounds",
      tags,
      security,
      summary: "Open a review round",
      description: "The product's editors; invites the participating agencies' members by e-mail.",
      request: { params: productParams, ...body(RoundWrite) },
      responses: { 201: json(z.object({ data: RoundJson }), "Opened"), ...writeErrors },
    }),
    async (c) => {
      const { actor, product } = await loadProduct(c);
      const round = await openRound(c.var.deps, actor, product.slug, c.req.valid("json"));
      const detail = await currentRound(c.var.deps, product.id, round.number);
      return c.json({ data: await roundData(c, { actor, product, round: detail }) }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/products/{slug}/rounds/{round}",
      tags,
      security,
      summary: "One review round",
      description:
        "Positions hidden until the round closes are left out for other agencies; unsubmitted comments are seen only inside their agency.",
      request: { params: roundParams },
      responses: {
        200: json(z.object({ data: RoundJson }), "The round"),
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => c.json({ data: await roundData(c) }, 200),
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/products/{slug}/rounds/{round}/comments",
      tags,
      security,
      summary: "Write a comment for your agency",
      request: { params: roundParams, ...body(CommentWrite) },
      responses: { 201: json(z.object({ data: CommentJson }), "Created"), ...writeErrors },
    }),
    async (c) => {
      const { actor, product, round } = await loadRound(c);
      const cm = await createComment(c.var.deps, actor, product, round, c.req.valid("json"));
      return c.json({ data: commentJson(cm, false) }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "patch",
      path: "/products/{slug}/rounds/{round}/comments/{comment}",
      tags,
      security,
      summary: "Change a draft comment",
      description: "Its author or the agency's focal points, before submission. Send every field.",
      request: { params: commentParams, ...body(CommentWrite) },
      responses: { 200: json(z.object({ data: CommentJson }), "Changed"), ...writeErrors },
    }),
    async (c) => {
      const { actor, product, round } = await loadRound(c);
      const n = idParam(c.req.valid("param").comment);
      await updateComment(c.var.deps, actor, product, round, n, c.req.valid("json"));
      return c.json({ data: await commentData(c, n) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/products/{slug}/rounds/{round}/comments/{comment}/withdrawal",
      tags,
      security,
      summary: "Withdraw a draft comment",
      request: { params: commentParams },
      responses: { 200: json(z.object({ data: CommentJson }), "Withdrawn"), ...writeErrors },
    }),
    async (c) => {
      const { actor, product, round } = await loadRound(c);
      const n = idParam(c.req.valid("param").comment);
      await withdrawComment(c.var.deps, actor, product, round, n);
      return c.json({ data: await commentData(c, n) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/products/{slug}/rounds/{round}/submission",
      tags,
      security,
      summary: "Submit your agency's comments",
      description: "A focal point of a participating agency, once per round.",
      request: { params: roundParams },
      responses: { 200: json(z.object({ data: RoundJson }), "Submitted"), ...writeErrors },
    }),
    async (c) => {
      const { actor, product, round } = await loadRound(c);
      await submitComments(c.var.deps, actor, product, round);
      return c.json({ data: await roundData(c) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "put",
      path: "/products/{slug}/rounds/{round}/comments/{comment}/disposition",
      tags,
      security,
      summary: "Give a comment its disposition",
      description: "The product's editors; rejecting needs a rationale.",
      request: { params: commentParams, ...body(DispositionWrite) },
      responses: { 200: json(z.object({ data: CommentJson }), "Saved"), ...writeErrors },
    }),
    async (c) => {
      const { actor, product, round } = await loadRound(c);
      const n = idParam(c.req.valid("param").comment);
      await dispositionComment(c.var.deps, actor, product, round, n, c.req.valid("json"));
      return c.json({ data: await commentData(c, n) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/products/{slug}/rounds/{round}/positions",
      tags,
      security,
      summary: "Set your agency's position",
      description:
        "Only the agency's own focal points; each change is a new record, the newest counts. A body naming another agency is refused (403). The secretariat records a position on an agency's behalf by naming it and giving the evidence.",
      request: { params: roundParams, ...body(PositionWrite) },
      responses: { 201: json(z.object({ data: RoundJson }), "Recorded"), ...writeErrors },
    }),
    async (c) => {
      const { actor, product, round } = await loadRound(c);
      await setPosition(c.var.deps, actor, product, round, c.req.valid("json"));
      return c.json({ data: await roundData(c) }, 201);
    },
  );
}
