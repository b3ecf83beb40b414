import { z } from "@hono/zod-openapi";
import {
  datePrecisions,
  destinations,
  editionKinds,
  editionStatuses,
  missionStatuses,
} from "../../db/schema/index.js";
import type { EditionDiff } from "../../domain/edition-diff.js";
import type { Edition, Framework } from "./ger.queries.js";

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

/** A mission as an edition froze it. */
export const EditionMission = z
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

/** What changed between two editions, or an edition and the current plans. */
export const Comparison = z
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

/** An objective of the GER in the API, with its goal and the missions serving it. */
export const Objective = z
  .object({
    code: z.string().openapi({ example: "G4.1" }),
    title: z.string(),
    description: z.string().nullable(),
    goal: z.object({ code: z.string(), title: z.string() }),
    uncertain: z.boolean(),
    missions: z.array(z.string()).openapi({ description: "slugs of the missions serving it" }),
  })
  .openapi("Objective");

/** An edition as the API shows it. */
export const editionJson = (e: Edition): z.infer<typeof EditionSchema> => ({
  slug: e.slug,
  name: e.name,
  year: e.year,
  kind: e.kind,
  status: e.status,
  snapshotRecorded: e.frozenAt !== null,
  frozenAt: e.frozenAt?.toISOString() ?? null,
  publishedAt: e.publishedAt?.toISOString() ?? null,
});

/** The differences between two sides (editions or `current`) as the API answers them. */
export function comparisonJson(from: string, to: string, diff: EditionDiff): z.infer<typeof Comparison> {
  const slugs = (l: Array<{ slug: string }>) => l.map((m) => m.slug);
  return {
    from,
    to,
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
  };
}

/** Every goal's objectives, in order, each with the missions serving it. */
export const objectivesJson = (f: Framework): z.infer<typeof Objective>[] =>
  f.goals.flatMap((g) =>
    g.objectives.map((o) => ({
      code: o.code,
      title: o.title,
      description: o.description,
      goal: { code: g.code, title: g.title },
      uncertain: o.uncertain,
      missions: o.missions.map((m) => m.slug),
    })),
  );
