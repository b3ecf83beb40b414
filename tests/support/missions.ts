import { eq } from "drizzle-orm";
import {
  destinations,
  missionProposals,
  missionStatuses,
  missions,
  organisations,
} from "../../src/db/schema/index.js";
import type { Deps } from "../../src/deps.js";
import { missionValues } from "../../src/features/roadmap/roadmap.presenter.js";
import { findMissionBySlug, type Mission } from "../../src/features/roadmap/roadmap.queries.js";

const precisions = ["year", "quarter", "month", "day"] as const;

/** n made-up missions over `years` from `firstYear`, in every lane, status and date precision. */
export function generatedMissions(
  n: number,
  opts: { firstYear: number; years: number; name?: (k: number) => string },
): Mission[] {
  return Array.from({ length: n }, (_, k) => {
    const year = opts.firstYear + ((k * 7) % opts.years);
    const month = String(1 + ((k * 5) % 12)).padStart(2, "0");
    const precision = precisions[k % 4]!;
    const launchOn =
      precision === "year"
        ? `${year}-01-01`
        : precision === "quarter"
          ? `${year}-${["01", "04", "07", "10"][k % 4]}-01`
          : `${year}-${month}-01`;
    return {
      id: k,
      slug: `mission-${k}`,
      name: opts.name?.(k) ?? `Generated mission ${k}`,
      leadOrganisationId: 1,
      leadOther: null,
      leadAcronym: "ESA",
      leadSlug: "esa",
      partners: [],
      objectives: [],
      otherPartners: [],
      destination: destinations[(k * 3) % destinations.length]!,
      crewed: k % 3 === 0,
      launchOn,
      launchPrecision: precision,
      endsOn: null,
      endPrecision: null,
      status: missionStatuses[k % missionStatuses.length]!,
      instruments: [],
      studiesPolarVolatiles: false,
      description: null,
      sources: [],
      uncertain: false,
      uncertaintyNote: null,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    };
  });
}

/** NASA's open proposal to change an ESA-led mission, proposing its current values; its id. */
export async function makeMatrixProposal(deps: Deps): Promise<string> {
  const [esa] = await deps.db.select().from(organisations).where(eq(organisations.acronym, "ESA"));
  const [mission] = await deps.db
    .select()
    .from(missions)
    .where(eq(missions.leadOrganisationId, esa!.id))
    .limit(1);
  const current = (await findMissionBySlug(deps.db, mission!.slug))!;
  const [row] = await deps.db
    .insert(missionProposals)
    .values({
      missionId: current.id,
      proposedByName: "Matrix Proposer",
      agencyAcronym: "NASA",
      proposed: missionValues(current),
      note: "",
      createdAt: deps.now(),
    })
    .returning();
  return String(row!.id);
}
