import { z } from "@hono/zod-openapi";
import { renderMarkdown } from "../../web/markdown.js";
import type { GroupDetail } from "./groups.queries.js";
import { chairText } from "./views/group.js";

/** A group in the API's list. */
export const GroupSummary = z
  .object({
    slug: z.string().openapi({ example: "twg" }),
    acronym: z.string().nullable(),
    name: z.string(),
    kind: z.enum(["working_group", "tiger_team", "assessment_team"]),
    started: z.string().nullable().openapi({ description: "YYYY-MM-DD, as precise as `startedPrecision`" }),
    startedPrecision: z.string().nullable(),
    ended: z.string().nullable(),
    endedPrecision: z.string().nullable(),
    currentMembers: z.number(),
    uncertain: z.boolean(),
  })
  .openapi("GroupSummary");

/** One group with its charter, chairs and membership history. */
export const Group = GroupSummary.extend({
  charter: z.string().openapi({ description: "Markdown" }),
  charterHtml: z.string(),
  chairs: z.array(z.string()),
  members: z.array(
    z.object({ agency: z.string(), joined: z.string(), left: z.string().nullable(), uncertain: z.boolean() }),
  ),
  uncertainNote: z.string().nullable(),
  sources: z.array(z.string()),
}).openapi("Group");

/** A group for the API's list, with its number of current members. */
export const groupSummaryJson = (
  g: Omit<GroupDetail, "memberships" | "chairs" | "chairPersonIds">,
  members: number,
): z.infer<typeof GroupSummary> => ({
  slug: g.slug,
  acronym: g.acronym,
  name: g.name,
  kind: g.kind,
  started: g.startedOn,
  startedPrecision: g.startedPrecision,
  ended: g.endedOn,
  endedPrecision: g.endedPrecision,
  currentMembers: members,
  uncertain: g.uncertain,
});

/** One group for the API: its charter as Markdown and HTML, its chairs and every membership. */
export const groupJson = (g: GroupDetail): z.infer<typeof Group> => ({
  ...groupSummaryJson(g, g.memberships.filter((m) => !m.leftOn).length),
  charter: g.charter,
  charterHtml: renderMarkdown(g.charter),
  chairs: g.chairs.map(chairText),
  members: g.memberships.map((m) => ({
    agency: m.acronym,
    joined: m.joinedOn,
    left: m.leftOn,
    uncertain: m.uncertain,
  })),
  uncertainNote: g.uncertainNote,
  sources: g.sources,
});
