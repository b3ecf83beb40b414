import { createRoute, z } from "@hono/zod-openapi";
import { body, errorResponse, errors, json, parsedByUseCase } from "../../../http/api-schemas.js";
import { AppError } from "../../../http/errors.js";
import { authorize } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import { recordEditorialOnly } from "../consensus/agreed-version.service.js";
import { roundConsensus, roundForEndorsement, visibleConsensus } from "../consensus/consensus.queries.js";
import { consensusRecord } from "../consensus-record/consensus-record.service.js";
import { loadProduct, loadRound } from "../load.pages.js";
import { matrixRows } from "../matrix/matrix.pages.js";
import { canEditProduct } from "../products.policy.js";
import {
  ConsensusJson,
  consensusJson,
  consensusRecordJson,
  EndorsementJson,
  endorsementJson,
  MatrixLine,
  RecordJson,
} from "./endorsement.presenter.js";
import { editorialConfirmationInput, endorsementInput } from "./endorsement.schemas.js";
import { endorseProduct } from "./endorsement.service.js";

const tags = ["Consensus products"];
const security = [{ session: [] }];
const p = (name: string, example: string) => z.string().openapi({ param: { name, in: "path" }, example });
const productParams = z.object({ slug: p("slug", "lunar-surface-white-paper") });
const roundParams = productParams.extend({ round: p("round", "1") });

const EndorsementWrite = parsedByUseCase(endorsementInput, "EndorsementWrite");
const EditorialWrite = parsedByUseCase(editorialConfirmationInput, "EditorialConfirmationWrite");

/** Registers consensus status, the resolution matrix lines and endorsement of products. */
export function registerEndorsementApi(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/products/{slug}/consensus-record",
      tags,
      security,
      summary: "The consensus record of a published product",
      description:
        "The version endorsed and its SHA-256, each participating agency's final position and when, comment counts by disposition, and the endorsing decision. 409 until the product is published.",
      request: { params: productParams },
      responses: {
        200: json(z.object({ data: RecordJson }), "The record"),
        401: errors[401],
        404: errors[404],
        409: errorResponse("Not published yet"),
      },
    }),
    async (c) => {
      const { product } = await loadProduct(c);
      const r = await consensusRecord(c.var.deps, product);
      return c.json({ data: consensusRecordJson(r) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/products/{slug}/editorial-confirmations",
      tags,
      security,
      summary: "Record that later versions are editorial only",
      description:
        "The product's editors state that the versions after the one the last closed round agreed on change nothing of substance, so the latest may be endorsed without a confirming round. Audited; shown in the history.",
      request: { params: productParams, ...body(EditorialWrite) },
      responses: {
        201: json(z.object({ data: z.object({ from: z.number(), to: z.number() }) }), "Recorded"),
        ...errors,
        409: errorResponse("A round is open, no round agreed yet, or the versions are not agreed → latest"),
      },
    }),
    async (c) => {
      const { actor, product } = await loadProduct(c);
      const input = c.req.valid("json");
      authorize(
        canEditProduct(actor, product),
        "Only the secretariat and the lead group's chairs record editorial-only changes.",
      );
      const { open, closed } = await roundForEndorsement(c.var.deps, product.id);
      if (open) throw new AppError("conflict", `Review round ${open.number} is still open.`);
      await recordEditorialOnly(c.var.deps, actor, product.slug, closed, input);
      return c.json({ data: { from: Number(input.from), to: Number(input.to) } }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/products/{slug}/rounds/{round}/consensus",
      tags,
      security,
      summary: "Consensus status of a round",
      description:
        "Ready when no participating agency objects; otherwise every reason. Hidden positions stay hidden.",
      request: { params: roundParams },
      responses: {
        200: json(z.object({ data: ConsensusJson }), "The status"),
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      const { actor, product, round } = await loadRound(c);
      const status = visibleConsensus(await roundConsensus(c.var.deps.db, round), actor, product, round);
      return c.json({ data: consensusJson(round.number, status) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/products/{slug}/rounds/{round}/matrix",
      tags,
      security,
      summary: "Comment resolution matrix of a round",
      description:
        "The submitted comments with their dispositions (also as .csv and .xlsx on the round's page).",
      request: { params: roundParams },
      responses: {
        200: json(z.object({ data: z.array(MatrixLine) }), "The lines"),
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      const { round } = await loadRound(c);
      return c.json({ data: await matrixRows(c.var.deps.db, round) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/products/{slug}/endorsement",
      tags,
      security,
      summary: "Endorse and publish a product",
      description:
        "The secretariat records the SAM meeting decision that endorses the product and publishes it as a public publication (and, if wished, a news item) in one step. Refused (409) unless the latest closed round reached consensus, or when already published.",
      request: { params: productParams, ...body(EndorsementWrite) },
      responses: {
        201: json(z.object({ data: EndorsementJson }), "Endorsed and published"),
        ...errors,
        409: errorResponse("No consensus yet, a round is open, or already published"),
      },
    }),
    async (c) => {
      const { actor, product } = await loadProduct(c);
      const done = await endorseProduct(c.var.deps, actor, product.slug, c.req.valid("json"));
      return c.json({ data: endorsementJson(done) }, 201);
    },
  );
}
