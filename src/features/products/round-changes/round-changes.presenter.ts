import { z } from "@hono/zod-openapi";
import type { HistoryEntry } from "../history/history.queries.js";
import type { RoundDetail } from "../rounds/rounds.queries.js";

/** Where a review round stands in the API: open or closed, and its deadline. */
export const RoundState = z
  .object({
    round: z.number().int(),
    status: z.enum(["open", "closed"]),
    deadline: z.string().openapi({ description: "UTC instant, ISO 8601" }),
    closedAt: z.string().nullable(),
  })
  .openapi("ReviewRoundState");

/** A step of a product's history in the API. */
export const HistoryJson = z
  .object({
    at: z.string(),
    who: z.string(),
    agency: z.string().nullable(),
    action: z.string(),
    summary: z.string(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi("ProductHistoryEntry");

/** A round's state for the API. */
export const roundStateJson = (r: RoundDetail): z.infer<typeof RoundState> => ({
  round: r.number,
  status: r.status,
  deadline: r.deadline.toISOString(),
  closedAt: r.closedAt?.toISOString() ?? null,
});

/** A history entry for the API. */
export const historyEntryJson = (e: HistoryEntry): z.infer<typeof HistoryJson> => ({
  at: e.at.toISOString(),
  who: e.actorName,
  agency: e.agencyAcronym,
  action: e.action,
  summary: e.summary,
  details: e.details,
});
