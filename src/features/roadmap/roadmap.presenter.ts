/**
 * What a mission looks like outside the database: the API's `Mission` and the values the forms, the
 * history and the imports compare. Adding a field to a mission means adding it here once; the
 * schema and `missionValues` are checked against each other by the compiler.
 */
import { z } from "@hono/zod-openapi";
import { datePrecisions, destinations, missionStatuses } from "../../db/schema/index.js";
import { formatAtPrecision } from "../../domain/mission-dates.js";
import type { Mission } from "./roadmap.queries.js";

const fields = {
  name: z.string().openapi({ example: "Artemis III" }),
  lead: z
    .string()
    .nullable()
    .openapi({ description: "member acronym; null when a non-member leads", example: "NASA" }),
  leadOther: z.string().nullable().openapi({ description: "the non-member lead, when lead is null" }),
  partners: z.array(z.string()).openapi({ description: "member acronyms", example: ["ESA"] }),
  otherPartners: z.array(z.string()).openapi({ description: "non-member partners, free text" }),
  destination: z.enum(destinations),
  crewed: z.boolean(),
  launch: z.string().nullable().openapi({
    description: "written at its precision: 2027, 2027-Q3, 2027-05 or 2027-05-14",
    example: "2027",
  }),
  launchPrecision: z.enum(datePrecisions).nullable(),
  end: z.string().nullable(),
  endPrecision: z.enum(datePrecisions).nullable(),
  status: z.enum(missionStatuses),
  instruments: z.array(z.string()),
  objectives: z
    .array(z.string())
    .openapi({ description: "codes of the roadmap objectives served", example: ["G2.1"] }),
  studiesPolarVolatiles: z.boolean(),
  description: z.string().nullable(),
  sources: z.array(z.string()),
  uncertain: z.boolean(),
  uncertaintyNote: z.string().nullable(),
};
/** A mission in the API, and as people write it (the input schema's fields, written back). */
export const MissionJson = z
  .object({ slug: z.string().openapi({ example: "artemis-3" }), ...fields })
  .openapi("Mission");

/** A mission as people and the API write it: the inverse of the input schema. */
export function missionValues(m: Mission): z.infer<typeof MissionJson> {
  return {
    name: m.name,
    slug: m.slug,
    lead: m.leadAcronym,
    leadOther: m.leadOther,
    partners: m.partners.map((p) => p.acronym),
    otherPartners: m.otherPartners,
    destination: m.destination,
    crewed: m.crewed,
    launch: m.launchOn && m.launchPrecision ? formatAtPrecision(m.launchOn, m.launchPrecision) : null,
    launchPrecision: m.launchPrecision,
    end: m.endsOn && m.endPrecision ? formatAtPrecision(m.endsOn, m.endPrecision) : null,
    endPrecision: m.endPrecision,
    status: m.status,
    instruments: m.instruments,
    objectives: m.objectives,
    studiesPolarVolatiles: m.studiesPolarVolatiles,
    description: m.description,
    sources: m.sources,
    uncertain: m.uncertain,
    uncertaintyNote: m.uncertaintyNote,
  };
}
export type MissionValues = z.infer<typeof MissionJson>;

/** A mission as visitors get it: the facts, without where they came from or how sure we are. */
export function withoutProvenance({ sources, uncertain, uncertaintyNote, ...facts }: MissionValues) {
  return facts;
}
