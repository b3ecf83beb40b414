import { createRoute, z } from "@hono/zod-openapi";
import { body, errorResponse, errors, json, parsedByUseCase } from "../../../http/api-schemas.js";
import { authorize, pageParam } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import { canReadProductHistory } from "../endorsement/endorsement.policy.js";
import { HISTORY_PER_PAGE, productHistory, visibleHistory } from "../history/history.queries.js";
import { loadProduct, loadRound } from "../load.pages.js";
import { closeRoundEarly, currentRound } from "../rounds/rounds.service.js";
import { HistoryJson, historyEntryJson, RoundState, roundStateJson } from "./round-changes.presenter.js";
import { closeInput, deferralInput, extensionInput } from "./round-changes.schemas.js";
import { extendDeadline, requestDeferral } from "./round-changes.service.js";

const tags = ["Products"];
const security = [{ session: [] }];
const p = (name: string, example: string) => z.string().openapi({ param: { name, in: "path" }, example });
const productParams = z.object({ slug: p("slug", "lunar-surface-white-paper") });
const roundParams = productParams.extend({ round: p("round", "1") });
const ClosureWrite = parsedByUseCase(closeInput, "RoundClosureWrite");
const ExtensionWrite = parsedByUseCase(extensionInput, "DeadlineExtensionWrite");
const DeferralWrite = parsedByUseCase(deferralInput, "DeferralWrite");
const writeErrors = {
  ...errors,
  409: errorResponse("The round is closed (sealed), or the request is refused"),
};

type Loaded = Awaited<ReturnType<typeof loadRound>>;
async function state(c: Parameters<typeof loadRound>[0], l: Loaded) {
  return roundStateJson(await currentRound(c.var.deps, l.product.id, l.round.number));
}

/** Registers what the round pages offer beyond reviewing: closing early, deadlines, deferrals, history. */
export function registerRoundChangesApi(api: Api) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/products/{slug}/rounds/{round}/closure",
      tags,
      security,
      summary: "Close a round before its deadline",
      description:
        "The editors, once every participating agency has given its position; before that only the secretariat, with a reason.",
      request: { params: roundParams, ...body(ClosureWrite) },
      responses: { 200: json(z.object({ data: RoundState }), "Closed"), ...writeErrors },
    }),
    async (c) => {
      const l = await loadRound(c);
      await closeRoundEarly(c.var.deps, l.actor, l.product, l.round, c.req.valid("json"));
      return c.json({ data: await state(c, l) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/products/{slug}/rounds/{round}/deadline-extensions",
      tags,
      security,
      summary: "Move a round's deadline later",
      description: "The editors, with a reason; mailed to the participating agencies' members and audited.",
      request: { params: roundParams, ...body(ExtensionWrite) },
      responses: { 201: json(z.object({ data: RoundState }), "Moved"), ...writeErrors },
    }),
    async (c) => {
      const l = await loadRound(c);
      await extendDeadline(c.var.deps, l.actor, l.product, l.round, c.req.valid("json"));
      return c.json({ data: await state(c, l) }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/products/{slug}/rounds/{round}/deferrals",
      tags,
      security,
      summary: "Ask for your agency's two-week deferral",
      description:
        "A focal point of a participating agency, once per agency and round: the deadline moves two weeks later for everyone (mailed, audited).",
      request: { params: roundParams, ...body(DeferralWrite) },
      responses: { 201: json(z.object({ data: RoundState }), "Deferred"), ...writeErrors },
    }),
    async (c) => {
      const l = await loadRound(c);
      await requestDeferral(c.var.deps, l.actor, l.product, l.round, c.req.valid("json"));
      return c.json({ data: await state(c, l) }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/products/{slug}/history",
      tags,
      security,
      summary: "A product's history",
      description:
        "Every step, the newest first, 50 a page; an agency's unsubmitted drafts and hidden positions are left out as on the page.",
      request: {
        params: productParams,
        query: z.object({ page: z.string().optional().openapi({ example: "1" }) }),
      },
      responses: {
        200: json(
          z.object({ data: z.array(HistoryJson), page: z.number(), pages: z.number() }),
          "The history",
        ),
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const { actor, product } = await loadProduct(c);
      authorize(canReadProductHistory(actor));
      const page = pageParam(c.req.query("page"));
      const { rows, total } = await productHistory(c.var.deps.db, product.id, page);
      const visible = await visibleHistory(c.var.deps.db, actor, product, rows);
      return c.json(
        {
          data: visible.map(historyEntryJson),
          page,
          pages: Math.max(1, Math.ceil(total / HISTORY_PER_PAGE)),
        },
        200,
      );
    },
  );
}
