import { createRoute, z } from "@hono/zod-openapi";
import { senderKinds } from "../../db/schema/index.js";
import { body, errorResponse, errors, json, parsedByUseCase } from "../../http/api-schemas.js";
import type { AppContext } from "../../http/env.js";
import { AppError, forbidden } from "../../http/errors.js";
import { apiPerson, pageParam } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { recordReceipt, replyToSecretariat } from "./agency.service.js";
import { forwardToAgencies } from "./forward.service.js";
import { canManageInbox, canOpenInbox, canReadInput } from "./inbox.policy.js";
import { Input, inputJson, referenceParam, Summary, summaryJson } from "./inbox.presenter.js";
import {
  findInputByReference,
  listAgencyInput,
  listInput,
  readFilters,
  yearlyInputCounts,
} from "./inbox.queries.js";
import { forwardInput, noteInput } from "./inbox.schemas.js";

async function loadReadable(c: AppContext, reference: string) {
  const actor = apiPerson(c);
  const m = await findInputByReference(c.var.deps.db, reference);
  if (!m) throw new AppError("not_found", "No message with this reference.");
  if (
    !canReadInput(
      actor,
      m.deliveries.map((d) => d.organisationId),
    )
  )
    throw forbidden("This message was not forwarded to your agency.");
  return { actor, m };
}

/** Registers the inbox endpoints: the secretariat's register, an agency's own view of it. */
export function registerInboxApi(api: Api) {
  const tags = ["Public input"];
  const security = [{ session: [] }];

  api.openapi(
    createRoute({
      method: "get",
      path: "/inbox",
      tags,
      security,
      summary: "Public input: the register, or your agency's inbox",
      description:
        "The secretariat gets every confirmed message; a member of an agency gets what was forwarded to it. Filters as on the page: status (or `open`), topic, kind, from, to (YYYY-MM-DD), q.",
      request: {
        query: z.object({
          status: z.string().optional(),
          topic: z.string().optional(),
          kind: z.string().optional(),
          from: z.string().optional(),
          to: z.string().optional(),
          q: z.string().optional(),
          page: z.string().optional(),
        }),
      },
      responses: {
        200: json(z.object({ data: z.array(Summary), page: z.number(), total: z.number() }), "Messages"),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      const actor = apiPerson(c);
      if (!canOpenInbox(actor)) throw forbidden("Your account belongs to no agency, so it has no inbox.");
      const q = c.req.valid("query");
      const f = readFilters(q);
      const page = pageParam(q.page);
      const { rows, total } = canManageInbox(actor)
        ? await listInput(c.var.deps.db, f, page)
        : await listAgencyInput(c.var.deps.db, actor.organisationId!, f, page);
      return c.json({ data: rows.map(summaryJson), page, total }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/inbox/counts/{year}",
      tags,
      security,
      summary: "A year's public input by topic and kind of sender",
      description:
        "Secretariat only; spam, merged and withdrawn messages are left out. The annual report uses it.",
      request: {
        params: z.object({
          year: z
            .string()
            .regex(/^\d{4}$/)
            .openapi({ param: { name: "year", in: "path" }, example: "2026" }),
        }),
      },
      responses: {
        200: json(
          z.object({
            data: z.array(z.object({ topic: z.string(), kind: z.enum(senderKinds), count: z.number() })),
          }),
          "Counts",
        ),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      const actor = apiPerson(c);
      if (!canManageInbox(actor)) throw forbidden("Only the secretariat sees the counts.");
      return c.json({ data: await yearlyInputCounts(c.var.deps.db, Number(c.req.valid("param").year)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/inbox/{reference}",
      tags,
      security,
      summary: "One message, with where the agencies stand",
      description:
        "The secretariat, or a member of an agency it was forwarded to (who sees only their agency's part).",
      request: { params: referenceParam },
      responses: {
        200: json(z.object({ data: Input }), "The message"),
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const { actor, m } = await loadReadable(c, c.req.valid("param").reference);
      return c.json({ data: inputJson(m, actor) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/inbox/{reference}/forwarding",
      tags,
      security,
      summary: "Forward a message to the member agencies",
      description:
        "Secretariat only. Without `agencies`, to every member agency; with them, a `reason` is required.",
      request: { params: referenceParam, ...body(parsedByUseCase(forwardInput, "InputForwarding")) },
      responses: {
        200: json(z.object({ data: Input }), "Forwarded"),
        ...errors,
        409: errorResponse("The message is closed, or its sender did not agree to it being passed on"),
      },
    }),
    async (c) => {
      const { actor, m } = await loadReadable(c, c.req.valid("param").reference);
      await forwardToAgencies(c.var.deps, actor, m.id, c.req.valid("json"));
      return c.json(
        { data: inputJson((await findInputByReference(c.var.deps.db, m.reference!))!, actor) },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/inbox/{reference}/acknowledgement",
      tags,
      security,
      summary: "Acknowledge a message forwarded to your agency",
      request: { params: referenceParam },
      responses: { 200: json(z.object({ data: Input }), "Acknowledged"), ...errors },
    }),
    async (c) => {
      const { actor, m } = await loadReadable(c, c.req.valid("param").reference);
      if (!m.deliveries.some((d) => d.organisationId === actor.organisationId))
        throw forbidden("Only the agencies it was forwarded to acknowledge a message.");
      await recordReceipt(c.var.deps, actor, m.id, "acknowledge");
      return c.json(
        { data: inputJson((await findInputByReference(c.var.deps.db, m.reference!))!, actor) },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/inbox/{reference}/replies",
      tags,
      security,
      summary: "Reply to the secretariat about a message forwarded to your agency",
      description:
        "Your agency's focal points (or its API token). Only the secretariat and your agency see the reply.",
      request: { params: referenceParam, ...body(parsedByUseCase(noteInput, "InputReply")) },
      responses: { 201: json(z.object({ data: Input }), "Replied"), ...errors },
    }),
    async (c) => {
      const { actor, m } = await loadReadable(c, c.req.valid("param").reference);
      if (!m.deliveries.some((d) => d.organisationId === actor.organisationId))
        throw forbidden("Only the agencies it was forwarded to reply.");
      await replyToSecretariat(c.var.deps, actor, m.id, c.req.valid("json"));
      return c.json(
        { data: inputJson((await findInputByReference(c.var.deps.db, m.reference!))!, actor) },
        201,
      );
    },
  );
}
