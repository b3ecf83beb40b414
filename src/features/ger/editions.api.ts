import { createRoute, z } from "@hono/zod-openapi";
import {
  datePrecisions,
  destinations,
  editionKinds,
  editionStatuses,
  missionStatuses,
} from "../../db/schema/index.js";
import { errorResponse, json } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import type { Api } from "../../http/openapi.js";
import { compareSides, loadSide } from "./editions.service.js";
import { type Edition, listEditions } from "./ger.queries.js";

/** An edition in the API's responses. */
export const EditionSchema = z
  .object({
    slug: z.string().openapi({ example: "ger-2024" }),
    name: z.string(),
    year: z.number().int(),
    kind: z.enum(editionKinds),
    status: z.enum(editionStatuses),
    snapshotRecorded: z
      .boolean()
      .openapi({ description: "false for editions published before the platform" }),
    frozenAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
  })
  .openapi("Edition");
const SnapshotMission = z
  .object({
    slug: z.string(),
    name: z.string(),
    lead: z.string().nullable(),
    partners: z.array(z.string()),
    destination: z.enum(destinations),
    crewed: z.boolean(),
    launchOn: z.string().nullable(),
    launchPrecision: z.enum(datePrecisions).nullable(),
    endsOn: z.string().nullable(),
    endPrecision: z.enum(datePrecisions).nullable(),
    status: z.enum(missionStatuses),
    objectives: z.array(z.string()),
    studiesPolarVolatiles: z.boolean(),
    uncertain: z.boolean(),
  })
  .openapi("EditionMission");
const Comparison = z
  .object({
    from: z.string(),
    to: z.string(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    slipped: z.array(
      z.object({
        slug: z.string(),
        direction: z.enum(["later", "earlier"]),
        amount: z.number(),
        unit: z.string(),
        text: z.string(),
      }),
    ),
    statusChanged: z.array(z.object({ slug: z.string(), before: z.string(), after: z.string() })),
    destinationChanged: z.array(z.object({ slug: z.string(), before: z.string(), after: z.string() })),
    dateAnnounced: z.array(z.string()),
    dateWithdrawn: z.array(z.string()),
    unchanged: z.number().int(),
  })
  .openapi("EditionComparison");
/** The path parameter naming an edition. */
export const slugParam = z.object({
  slug: z.string().openapi({ param: { name: "slug", in: "path" }, example: "ger-2024" }),
});

/** An edition as the API shows it. */
export const editionJson = (e: Edition) => ({
  slug: e.slug,
  name: e.name,
  year: e.year,
  kind: e.kind,
  status: e.status,
  snapshotRecorded: e.frozenAt !== null,
  frozenAt: e.frozenAt?.toISOString() ?? null,
  publishedAt: e.publishedAt?.toISOString() ?? null,
});

/** Registers the editions' read endpoints: the list, a comparison, one edition and its missions. */
export function registerEditionsApi(api: Api) {
  const tags = ["Roadmap"];
  api.openapi(
    createRoute({
      method: "get",
      path: "/editions",
      tags,
      summary: "Published editions (the secretariat also sees drafts)",
      responses: { 200: json(z.object({ data: z.array(EditionSchema) }), "Editions") },
    }),
    async (c) => {
      const all = c.var.actor.kind === "person" && c.var.actor.roles.includes("secretariat");
      return c.json(
        { data: (await listEditions(c.var.deps.db, { publishedOnly: !all })).map(editionJson) },
        200,
      );
    },
  );
  // Registered before /editions/{slug} so that "compare" is not taken for a slug.
  api.openapi(
    createRoute({
      method: "get",
      path: "/editions/compare",
      tags,
      summary: "Compare two editions, or an edition and the current plans (`current`)",
      request: {
        query: z.object({
          from: z.string().openapi({ example: "ger-2024" }),
          to: z.string().optional().openapi({ example: "current" }),
        }),
      },
      responses: {
        200: json(z.object({ data: Comparison }), "The differences"),
        404: errorResponse("No such edition"),
        409: errorResponse("An edition has no mission snapshot"),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const [from, to] = await Promise.all([
        loadSide(c.var.deps.db, c.var.actor, q.from),
        loadSide(c.var.deps.db, c.var.actor, q.to ?? "current"),
      ]);
      const { diff, missing } = compareSides(from, to);
      if (!diff)
        throw new AppError(
          "conflict",
          `No mission snapshot recorded for ${missing.map((s) => s.label).join(" or ")}.`,
        );
      const slugs = (l: Array<{ slug: string }>) => l.map((m) => m.slug);
      return c.json(
        {
          data: {
            from: q.from,
            to: q.to ?? "current",
            added: slugs(diff.added),
            removed: slugs(diff.removed),
            slipped: diff.slipped.map((s) => ({
              slug: s.slug,
              direction: s.slip.direction,
              amount: s.slip.amount,
              unit: s.slip.unit,
              text: s.slip.text,
            })),
            statusChanged: diff.statusChanged.map(({ slug, before, after }) => ({ slug, before, after })),
            destinationChanged: diff.destinationChanged.map(({ slug, before, after }) => ({
              slug,
              before,
              after,
            })),
            dateAnnounced: slugs(diff.dateAnnounced),
            dateWithdrawn: slugs(diff.dateWithdrawn),
            unchanged: diff.unchanged,
          },
        },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/editions/{slug}",
      tags,
      summary: "One edition",
      request: { params: slugParam },
      responses: {
        200: json(z.object({ data: EditionSchema }), "The edition"),
        404: errorResponse("Not found"),
      },
    }),
    async (c) => {
      const side = await loadSide(c.var.deps.db, c.var.actor, c.req.valid("param").slug);
      if (side.kind !== "edition") throw new AppError("not_found", "No edition with this slug.");
      return c.json({ data: editionJson(side.edition) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/editions/{slug}/missions",
      tags,
      summary: "The missions an edition froze",
      request: { params: slugParam },
      responses: {
        200: json(
          z.object({ data: z.array(SnapshotMission), snapshotRecorded: z.boolean() }),
          "The missions (empty when no snapshot was recorded)",
        ),
        404: errorResponse("Not found"),
      },
    }),
    async (c) => {
      const side = await loadSide(c.var.deps.db, c.var.actor, c.req.valid("param").slug);
      if (side.kind !== "edition") throw new AppError("not_found", "No edition with this slug.");
      return c.json({ data: side.missions ?? [], snapshotRecorded: side.missions !== null }, 200);
    },
  );
}
