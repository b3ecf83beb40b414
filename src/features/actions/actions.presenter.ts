import { z } from "@hono/zod-openapi";
import { actionStatuses } from "../../db/schema/index.js";
import type { ActionDetail, ActionRow } from "./actions.queries.js";
import { isOverdue } from "./actions.schemas.js";

/** An action in the API. */
export const Action = z
  .object({
    number: z.number().openapi({ example: 12 }),
    title: z.string(),
    description: z.string().openapi({ description: "Markdown" }),
    ownerAgency: z.string().nullable().openapi({ example: "ESA" }),
    ownerPerson: z.number().nullable().openapi({ description: "id of the owning person, if any" }),
    ownerPersonName: z.string().nullable(),
    due: z.string().openapi({ example: "2031-02-01" }),
    status: z.enum(actionStatuses),
    overdue: z.boolean(),
    group: z.string().nullable().openapi({ description: "group slug" }),
    meeting: z.string().nullable().openapi({ description: "slug of the meeting that raised it" }),
  })
  .openapi("Action");
const ActionEvent = z.object({
  at: z.string(),
  from: z.enum(actionStatuses).nullable(),
  to: z.enum(actionStatuses),
  meeting: z.string().nullable(),
  note: z.string().nullable(),
  by: z.string(),
});
/** An action with its history, oldest first. */
export const ActionWithHistory = Action.extend({ history: z.array(ActionEvent) });

/** An action as the API answers it; `today` (YYYY-MM-DD) decides whether it is overdue. */
export const actionJson = (a: ActionRow, today: string): z.infer<typeof Action> => ({
  number: a.number,
  title: a.title,
  description: a.description,
  ownerAgency: a.ownerAcronym,
  ownerPerson: a.ownerPersonId,
  ownerPersonName: a.ownerPersonName,
  due: a.dueOn,
  status: a.status,
  overdue: isOverdue(a, today),
  group: a.groupSlug,
  meeting: a.meetingSlug,
});

/** An action and its history as the API answers them. */
export const actionWithHistoryJson = (a: ActionDetail, today: string): z.infer<typeof ActionWithHistory> => ({
  ...actionJson(a, today),
  history: a.history.map((h) => ({
    at: h.at.toISOString(),
    from: h.fromStatus,
    to: h.toStatus,
    meeting: h.meetingSlug,
    note: h.note,
    by: h.actorName,
  })),
});
