import { eq } from "drizzle-orm";
import { actionItems, groupDeliverables, organisations, workingGroups } from "../../src/db/schema/index.js";
import type { Deps } from "../../src/deps.js";

/** The number of the action the access matrix tries its routes on. */
export const MATRIX_ACTION = 9001;

/** An open forum-wide action owned by ESA (the matrix focal point's agency), numbered 9001. */
export async function makeMatrixAction(deps: Deps): Promise<void> {
  const [esa] = await deps.db.select().from(organisations).where(eq(organisations.acronym, "ESA"));
  await deps.db.insert(actionItems).values({
    number: MATRIX_ACTION,
    title: "Matrix action",
    ownerOrganisationId: esa!.id,
    dueOn: "2031-02-01",
  });
}

/** A deliverable in the group's workplan; returns its id. */
export async function makeMatrixDeliverable(deps: Deps, groupSlug: string): Promise<string> {
  const [g] = await deps.db.select().from(workingGroups).where(eq(workingGroups.slug, groupSlug));
  const [row] = await deps.db
    .insert(groupDeliverables)
    .values({ groupId: g!.id, title: "Matrix deliverable", status: "planned" })
    .returning();
  return String(row!.id);
}
