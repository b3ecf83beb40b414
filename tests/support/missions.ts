import { destinations, missionStatuses } from "../../src/db/schema/index.js";
import type { Mission } from "../../src/features/roadmap/roadmap.queries.js";

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
