import { eq } from "drizzle-orm";
import {
  missions,
  organisations,
  technologies,
  technologyCapabilities,
  technologyNeeds,
} from "../../src/db/schema/index.js";
import type { Deps } from "../../src/deps.js";

const idOf = async (deps: Deps, code: string) =>
  (await deps.db.select().from(technologies).where(eq(technologies.code, code)))[0]!.id;

/** ESA's real capability for GER-019 (TRL 4 → 6), for the access matrix; its id. */
export async function makeMatrixCapability(deps: Deps): Promise<string> {
  const [esa] = await deps.db.select().from(organisations).where(eq(organisations.acronym, "ESA"));
  const [row] = await deps.db
    .insert(technologyCapabilities)
    .values({
      technologyId: await idOf(deps, "GER-019"),
      organisationId: esa!.id,
      currentTrl: 4,
      targetTrl: 6,
      targetDate: "2029-06-01",
    })
    .returning();
  return String(row!.id);
}

/** A real need of Argonaut (led by ESA) for GER-018, for the access matrix; its id. */
export async function makeMatrixNeed(deps: Deps): Promise<string> {
  const [argonaut] = await deps.db.select().from(missions).where(eq(missions.slug, "argonaut"));
  const [row] = await deps.db
    .insert(technologyNeeds)
    .values({
      technologyId: await idOf(deps, "GER-018"),
      missionId: argonaut!.id,
      trlNeeded: 6,
      neededBy: "2028-01-01",
    })
    .returning();
  return String(row!.id);
}
