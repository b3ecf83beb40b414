import { z } from "@hono/zod-openapi";
import {
  commentCategories,
  dispositions,
  positionKinds,
  productKinds,
  productStatuses,
  silenceMeanings,
} from "../../db/schema/index.js";
import { parseSections } from "../../domain/sections.js";
import type { ProductDetail, Version } from "./products.queries.js";
import type { Comment, PositionRow, RoundDetail } from "./rounds/rounds.queries.js";

/** The API's product shape. */
export const ProductJson = z
  .object({
    slug: z.string().openapi({ example: "lunar-surface-white-paper" }),
    title: z.string(),
    kind: z.enum(productKinds),
    status: z.enum(productStatuses),
    leadGroup: z.string().nullable().openapi({ description: "slug of the lead working group" }),
    agencies: z.array(z.string()).openapi({ description: "acronyms of the participating agencies" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Product");

/** The API's version shape, with its numbered sections. */
export const VersionJson = z
  .object({
    number: z.number(),
    note: z.string(),
    createdAt: z.string(),
    body: z.string().openapi({ description: "Markdown" }),
    sections: z.array(
      z.object({ number: z.string(), level: z.number(), title: z.string(), anchor: z.string() }),
    ),
  })
  .openapi("ProductVersion");

/** The API's comment shape. */
export const CommentJson = z
  .object({
    number: z.number(),
    agency: z.string(),
    author: z.string().nullable(),
    version: z.number().openapi({ description: "the version it is attached to now" }),
    sectionAnchor: z.string().openapi({ description: "empty for the whole document" }),
    sectionLabel: z.string(),
    orphaned: z.boolean(),
    category: z.enum(commentCategories),
    text: z.string(),
    proposedFrom: z.string().nullable(),
    proposedTo: z.string().nullable(),
    withdrawn: z.boolean(),
    submitted: z.boolean(),
    disposition: z.enum(dispositions).nullable(),
    rationale: z.string().nullable(),
    response: z
      .enum(["accepted", "contested"])
      .nullable()
      .openapi({ description: "the commenting agency's answer to the disposition" }),
    responseNote: z.string().nullable(),
  })
  .openapi("ReviewComment");

const PositionJson = z.object({
  position: z.enum(positionKinds),
  rationale: z.string().nullable(),
  at: z.string(),
  by: z.string().nullable(),
  dependsOn: z.array(z.number().int()).openapi({ description: "the comments whose resolution it waits for" }),
  onBehalf: z.boolean().openapi({ description: "recorded by the secretariat on the agency's behalf" }),
  evidence: z.string().nullable(),
  evidenceFile: z.string().nullable(),
  keptFromRound: z.number().int().nullable().openapi({
    description: "kept from this earlier round: the sections the agency commented on did not change",
  }),
});

/** The API's round shape: agencies with what the caller may see of their positions, and comments. */
export const RoundJson = z
  .object({
    number: z.number(),
    version: z.number(),
    status: z.enum(["open", "closed"]),
    openedAt: z.string(),
    deadline: z.string().openapi({ description: "UTC instant, ISO 8601" }),
    closedAt: z.string().nullable(),
    silenceMeans: z.enum(silenceMeanings),
    hidePositions: z.boolean(),
    agencies: z.array(
      z.object({
        agency: z.string(),
        commentsSubmittedAt: z.string().nullable(),
        positionHidden: z.boolean(),
        position: PositionJson.nullable(),
        history: z.array(PositionJson),
      }),
    ),
    comments: z.array(CommentJson),
  })
  .openapi("ReviewRound");

/** A product for the API. */
export const productJson = (p: ProductDetail) => ({
  slug: p.slug,
  title: p.title,
  kind: p.kind,
  status: p.status,
  leadGroup: p.leadGroup?.slug ?? null,
  agencies: p.agencies.map((a) => a.acronym),
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});

/** A version for the API, with its sections' numbers and anchors. */
export const versionJson = (v: Version) => ({
  number: v.number,
  note: v.note,
  createdAt: v.createdAt.toISOString(),
  body: v.body,
  sections: parseSections(v.body).sections.map(({ number, level, title, anchor }) => ({
    number,
    level,
    title,
    anchor,
  })),
});

/** A comment for the API. */
export const commentJson = (c: Comment, submitted: boolean) => ({
  number: c.number,
  agency: c.agencyAcronym,
  author: c.authorName,
  version: c.versionNumber,
  sectionAnchor: c.sectionAnchor,
  sectionLabel: c.sectionLabel,
  orphaned: c.orphaned,
  category: c.category,
  text: c.text,
  proposedFrom: c.proposedFrom,
  proposedTo: c.proposedTo,
  withdrawn: c.withdrawn,
  submitted,
  disposition: c.disposition,
  response: c.response,
  responseNote: c.responseNote,
  rationale: c.rationale,
});

const positionJson = (p: PositionRow) => ({
  position: p.position,
  rationale: p.rationale,
  at: p.createdAt.toISOString(),
  by: p.personName,
  dependsOn: p.dependsOn,
  onBehalf: p.onBehalf,
  evidence: p.evidence,
  evidenceFile: p.evidenceFileName,
  keptFromRound: p.carriedFromRound,
});

/** A round for the API; positions the caller may not see are left out and flagged hidden. */
export function roundJson(
  r: RoundDetail,
  visible: { rows: PositionRow[]; current: Map<number, PositionRow>; hiddenAgencies: Array<{ id: number }> },
  comments: ReturnType<typeof commentJson>[],
) {
  const hidden = new Set(visible.hiddenAgencies.map((a) => a.id));
  return {
    number: r.number,
    version: r.versionNumber,
    status: r.status,
    openedAt: r.openedAt.toISOString(),
    deadline: r.deadline.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    silenceMeans: r.silenceMeans,
    hidePositions: r.hidePositions,
    agencies: r.agencies.map((a) => {
      const current = visible.current.get(a.id);
      return {
        agency: a.acronym,
        commentsSubmittedAt: a.commentsSubmittedAt?.toISOString() ?? null,
        positionHidden: hidden.has(a.id),
        position: current ? positionJson(current) : null,
        history: visible.rows.filter((p) => p.organisationId === a.id).map(positionJson),
      };
    }),
    comments,
  };
}
