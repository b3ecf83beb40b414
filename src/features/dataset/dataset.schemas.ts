import { z } from "zod";
import { forumSchema } from "../../web/forum.js";
import { certainties, organisationKinds } from "../directory/directory.schemas.js";
import { datasetFaq } from "../faq/faq.seed.js";
import { datasetEditions, datasetFramework, datasetGaps } from "../ger/ger.schemas.js";
import { datasetGroup } from "../groups/groups.seed.js";
import { datasetMeeting } from "../meetings/meetings.seed.js";
import { datasetNews } from "../news/news.seed.js";
import { datasetPage } from "../pages/pages.seed.js";
import { datasetPublication } from "../publications/publications.seed.js";
import { datasetReport } from "../reports/reports.seed.js";
import { missionInput } from "../roadmap/roadmap.schemas.js";
import { datasetAssessments } from "../technology/assessments/assessments.schemas.js";
import { datasetTechnology } from "../technology/technology.schemas.js";

const precision = z.enum(["year", "month", "day"]);
const partial = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/** One organisation in `data/<dataset>/organisations.json`. */
export const datasetOrganisation = z.object({
  acronym: z.string().min(2),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string().min(3),
  nativeName: z.string().nullable(),
  country: z.string(),
  kind: z.enum(organisationKinds),
  intergovernmental: z.boolean(),
  founding: z.boolean(),
  joined: partial,
  joinedPrecision: precision,
  joinedUncertain: z.boolean(),
  joinNote: z.string().nullable(),
  formerNames: z.array(z.string()),
  aliases: z.array(z.string()).default([]),
  website: z.string().url().nullable(),
  description: z.string().nullable(),
  notes: z.string().nullable(),
  sources: z.array(z.string()),
});

/** One chair term in `data/<dataset>/chairs.json`. */
export const datasetChair = z.object({
  agency: z.string(),
  from: partial,
  fromPrecision: precision,
  to: partial.nullable(),
  toPrecision: precision.nullable(),
  person: z.string().nullable(),
  certainty: z.enum(certainties),
  note: z.string().nullable(),
  sources: z.array(z.string()),
});

export const dataset = z.object({
  forum: forumSchema,
  organisations: z.array(datasetOrganisation),
  chairs: z.array(datasetChair),
  /** `missions.json`: the roadmap's missions, in the same shape the API accepts. */
  missions: z.array(missionInput).default([]),
  /** `publications.json`, `faq.json`, `pages.json`: the public library, FAQ and content pages. */
  publications: z.array(datasetPublication).default([]),
  faq: datasetFaq.default({ sections: [] }),
  pages: z.array(datasetPage).default([]),
  /** `ger-framework.json`, `ger-editions.json`, `volatiles-gaps.json`: GER goals, named editions, volatiles gaps. */
  gerFramework: datasetFramework.default({ themes: [], goals: [] }),
  gerEditions: datasetEditions.default([]),
  volatilesGaps: datasetGaps.default({ gaps: [] }),
  /** `news.json`: news articles, loaded as published (by slug). */
  news: z.array(datasetNews).default([]),
  /** `groups.json`, `meetings.json`: working groups and teams with members and chairs; meetings with attendance. */
  groups: z.array(datasetGroup).default([]),
  meetings: z.array(datasetMeeting).default([]),
  /** `technology.json`: the Critical Technology List (areas and technologies; no agency figures). */
  technology: datasetTechnology.default({ areas: [], technologies: [] }),
  /** `technology-assessments.json`: the gap assessment reports (optional). */
  technologyAssessments: datasetAssessments.default({ assessments: [] }),
  /** `reports.json`: annual reports' settings and narrative texts (optional). */
  reports: z.array(datasetReport).default([]),
});
export type Dataset = z.infer<typeof dataset>;

/** "2020-12" -> "2020-12-01": the first day of the period a partial date names. */
export const firstDay = (d: string) => [...d.split("-"), "01", "01"].slice(0, 3).join("-");
