import { z } from "zod";

/** The kinds of content one search covers, in the order the filters show them. */
export const searchTypes = [
  "news",
  "publication",
  "mission",
  "member",
  "meeting",
  "group",
  "technology",
  "assessment",
  "faq",
  "page",
] as const;
export type SearchType = (typeof searchTypes)[number];

/** Labels for each kind: singular for a result's tag, plural for the filter links. */
export const typeLabels: Record<SearchType, { one: string; many: string }> = {
  news: { one: "News", many: "News" },
  publication: { one: "Publication", many: "Publications" },
  mission: { one: "Mission", many: "Missions" },
  member: { one: "Member", many: "Members" },
  meeting: { one: "Meeting", many: "Meetings" },
  group: { one: "Group", many: "Working groups" },
  technology: { one: "Technology", many: "Technologies" },
  assessment: { one: "Gap assessment", many: "Gap assessments" },
  faq: { one: "FAQ", many: "FAQ" },
  page: { one: "Page", many: "Pages" },
};

/** Longest query accepted, in characters; longer ones are refused with a message. */
export const MAX_QUERY_LENGTH = 200;
/** Results per page. */
export const SEARCH_PER_PAGE = 10;

/** Per type, zero: the start of every per-type count. */
export const perTypeZero = (): Record<SearchType, number> =>
  Object.fromEntries(searchTypes.map((t) => [t, 0])) as Record<SearchType, number>;

/** A search request: words, optional type and year filters, and the page of results. */
export const searchInput = z.object({
  q: z
    .string({ error: "Type one or more words to search for." })
    .transform((s) => s.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, "Type one or more words to search for.")
        .max(MAX_QUERY_LENGTH, `Use at most ${MAX_QUERY_LENGTH} characters.`),
    ),
  type: z.enum(searchTypes, { error: `Choose one of: ${searchTypes.join(", ")}.` }).optional(),
  year: z.coerce
    .number({ error: "Give a year such as 2024." })
    .int("Give a year such as 2024.")
    .min(1900, "Give a year such as 2024.")
    .max(2200, "Give a year such as 2024.")
    .optional(),
  page: z.coerce
    .number({ error: "Give a page number from 1." })
    .int("Give a page number from 1.")
    .min(1, "Give a page number from 1.")
    .max(10_000, "Give a page number up to 10000.")
    .default(1),
});

/** Drops empty strings so that `?type=&year=` means "no filter", as a form leaves them. */
export function withoutBlanks(query: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "")) as Record<
    string,
    string
  >;
}
