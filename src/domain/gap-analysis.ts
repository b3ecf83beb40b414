/**
 * The technology gap analysis: a pure computation over the Critical Technology List, the agencies'
 * capabilities and the needs, as of a given day (never the clock).
 *
 * Projection (a step, not an interpolation): an agency has its current TRL until its target date
 * and its target TRL from that day on. TRLs are discrete milestones reached by a test or a
 * demonstration, so a straight line between them would claim levels nobody has shown, and it would
 * hide gaps behind optimistic partial progress. A target date already past (before `asOf`) that the
 * agency has not reported reaching counts as not reached: the current TRL stays.
 *
 * Severity of a gap: `shortfall × 10 / (1 + years left)`, with years left counted from `asOf` to the
 * need date and taken as 0 once the need date has passed. A shortfall of one level needed today
 * weighs 10, the same as two levels needed in a year or five levels needed in four years.
 */

/** A technology of the list. */
export type GapTechnologyIn = { id: number; code: string; title: string; area: string; areaCode: string };
/** An agency's capability for one technology (dates as YYYY-MM-DD). */
export type GapCapabilityIn = {
  technologyId: number;
  organisationId: number;
  acronym: string;
  currentTrl: number;
  targetTrl: number;
  targetDate: string;
};
/** A need for a technology: a TRL by a date, for a mission or an architecture element. */
export type GapNeedIn = {
  technologyId: number;
  trlNeeded: number;
  neededBy: string;
  label: string;
  missionSlug?: string | null;
};
export type GapAnalysisInput = {
  technologies: GapTechnologyIn[];
  capabilities: GapCapabilityIn[];
  needs: GapNeedIn[];
  /** The day the analysis is made (YYYY-MM-DD); current TRLs are as of this day. */
  asOf: string;
};

/** One need measured against the best projected TRL. */
export type NeedAssessment = {
  need: GapNeedIn;
  technology: GapTechnologyIn;
  /** Best TRL any agency is projected to have on the need date; null when nobody works on it. */
  bestTrl: number | null;
  /** The agencies that reach `bestTrl` (acronyms, sorted). */
  bestAgencies: string[];
  /** Levels missing on the need date (0 when met); nobody working on it counts as TRL 0. */
  shortfall: number;
  /** Days from `asOf` to the need date; negative once it has passed. */
  daysLeft: number;
  /** True when the need date is before `asOf`. */
  needDatePassed: boolean;
  /** 0 when met; see the module comment for the formula. */
  severity: number;
};

/** What the analysis says about one technology. */
export type TechnologySummary = {
  technology: GapTechnologyIn;
  capabilities: Array<GapCapabilityIn & { targetPassed: boolean }>;
  needs: NeedAssessment[];
  /** The largest shortfall over its needs and the sum of their severities. */
  worstShortfall: number;
  severity: number;
  status: "gap" | "met" | "no_need";
};

/** Agencies working on the same technology at once. */
export type Collaboration = {
  technology: GapTechnologyIn;
  agencies: string[];
  /** True when the technology also has a gap: working together could close it. */
  hasGap: boolean;
  worstShortfall: number;
};

/** What one agency brings: its capabilities, the gaps it works on, the agencies it could work with. */
export type AgencySummary = {
  organisationId: number;
  acronym: string;
  capabilities: Array<{
    capability: GapCapabilityIn & { targetPassed: boolean };
    technology: GapTechnologyIn;
    /** The technology's worst shortfall (0 when every need is met). */
    worstShortfall: number;
    /** True when this agency is among the best for at least one need of the technology. */
    leads: boolean;
    /** Every agency working on the technology, this one included (one list shared by them all). */
    workingOnIt: string[];
  }>;
  gapsWorkedOn: number;
};

export type GapAnalysis = {
  asOf: string;
  /** Every need with a shortfall, most severe first. */
  ranking: NeedAssessment[];
  technologies: TechnologySummary[];
  /** Technologies no agency reports a capability for, those with needs first. */
  orphans: Array<{ technology: GapTechnologyIn; needCount: number }>;
  collaborations: Collaboration[];
  agencies: AgencySummary[];
  totals: { technologies: number; needs: number; gaps: number; orphans: number; collaborations: number };
};

const DAY_MS = 86_400_000;
/** Plain code-unit order: codes, acronyms and dates are ASCII, and localeCompare is far slower. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const daysFrom = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The TRL an agency is projected to have on `date` (step rule; see the module comment). */
export function projectedTrl(
  cap: Pick<GapCapabilityIn, "currentTrl" | "targetTrl" | "targetDate">,
  date: string,
  asOf: string,
): number {
  const targetPassed = cap.targetDate < asOf;
  return !targetPassed && date >= cap.targetDate ? cap.targetTrl : cap.currentTrl;
}

/** The severity of a shortfall with so many days left (see the module comment). */
export function severityOf(shortfall: number, daysLeft: number): number {
  if (shortfall <= 0) return 0;
  const yearsLeft = Math.max(0, daysLeft) / 365.25;
  return Math.round(((shortfall * 10) / (1 + yearsLeft)) * 100) / 100;
}

/** Measures one need against the capabilities for its technology. */
export function assessNeed(
  need: GapNeedIn,
  technology: GapTechnologyIn,
  caps: GapCapabilityIn[],
  asOf: string,
): NeedAssessment {
  let bestTrl: number | null = null;
  let bestAgencies: string[] = [];
  for (const cap of caps) {
    const trl = projectedTrl(cap, need.neededBy, asOf);
    if (bestTrl === null || trl > bestTrl) {
      bestTrl = trl;
      bestAgencies = [cap.acronym];
    } else if (trl === bestTrl) bestAgencies.push(cap.acronym);
  }
  const shortfall = Math.max(0, need.trlNeeded - (bestTrl ?? 0));
  const daysLeft = daysFrom(asOf, need.neededBy);
  return {
    need,
    technology,
    bestTrl,
    bestAgencies: bestAgencies.length > 1 ? bestAgencies.sort() : bestAgencies,
    shortfall,
    daysLeft,
    needDatePassed: daysLeft < 0,
    severity: severityOf(shortfall, daysLeft),
  };
}

function groupBy<T>(items: T[], key: (t: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Most severe first; ties by the earlier need date, then technology code and label. */
export const bySeverity = (a: NeedAssessment, b: NeedAssessment) =>
  b.severity - a.severity ||
  cmp(a.need.neededBy, b.need.neededBy) ||
  cmp(a.technology.code, b.technology.code) ||
  cmp(a.need.label, b.need.label);

function summariseTechnology(
  technology: GapTechnologyIn,
  caps: GapCapabilityIn[],
  needs: GapNeedIn[],
  asOf: string,
): TechnologySummary {
  const assessed = needs.map((n) => assessNeed(n, technology, caps, asOf));
  const worstShortfall = assessed.reduce((m, a) => Math.max(m, a.shortfall), 0);
  const severity = Math.round(assessed.reduce((s, a) => s + a.severity, 0) * 100) / 100;
  return {
    technology,
    capabilities: caps.map((c) => ({
      technologyId: c.technologyId,
      organisationId: c.organisationId,
      acronym: c.acronym,
      currentTrl: c.currentTrl,
      targetTrl: c.targetTrl,
      targetDate: c.targetDate,
      targetPassed: c.targetDate < asOf,
    })),
    needs: assessed,
    worstShortfall,
    severity,
    status: needs.length === 0 ? "no_need" : worstShortfall > 0 ? "gap" : "met",
  };
}

/** Runs the whole analysis: per need, per technology, per agency, and the overall views. */
export function analyseGaps(input: GapAnalysisInput): GapAnalysis {
  const capsByTech = groupBy(input.capabilities, (c) => c.technologyId);
  const needsByTech = groupBy(input.needs, (n) => n.technologyId);
  const technologies = input.technologies.map((t) =>
    summariseTechnology(t, capsByTech.get(t.id) ?? [], needsByTech.get(t.id) ?? [], input.asOf),
  );
  const ranking = technologies
    .flatMap((t) => t.needs)
    .filter((a) => a.shortfall > 0)
    .sort(bySeverity);
  const orphans = technologies
    .filter((t) => t.capabilities.length === 0)
    .map((t) => ({ technology: t.technology, needCount: t.needs.length }))
    .sort((a, b) => b.needCount - a.needCount || cmp(a.technology.code, b.technology.code));
  const collaborations = technologies
    .filter((t) => t.capabilities.length >= 2)
    .map((t) => ({
      technology: t.technology,
      agencies: t.capabilities.map((c) => c.acronym).sort(),
      hasGap: t.status === "gap",
      worstShortfall: t.worstShortfall,
    }))
    .sort(
      (a, b) =>
        Number(b.hasGap) - Number(a.hasGap) ||
        b.agencies.length - a.agencies.length ||
        cmp(a.technology.code, b.technology.code),
    );
  return {
    asOf: input.asOf,
    ranking,
    technologies,
    orphans,
    collaborations,
    agencies: summariseAgencies(technologies),
    totals: {
      technologies: technologies.length,
      needs: input.needs.length,
      gaps: ranking.length,
      orphans: orphans.length,
      collaborations: collaborations.length,
    },
  };
}

/** Regroups the per-technology results by agency, agencies by acronym. */
function summariseAgencies(technologies: TechnologySummary[]): AgencySummary[] {
  const byAgency = new Map<number, AgencySummary>();
  for (const t of technologies) {
    const leaders = new Set<string>();
    for (const n of t.needs) for (const a of n.bestAgencies) leaders.add(a);
    const workingOnIt = t.capabilities.map((c) => c.acronym);
    for (const capability of t.capabilities) {
      let agency = byAgency.get(capability.organisationId);
      if (!agency) {
        agency = {
          organisationId: capability.organisationId,
          acronym: capability.acronym,
          capabilities: [],
          gapsWorkedOn: 0,
        };
        byAgency.set(capability.organisationId, agency);
      }
      agency.capabilities.push({
        capability,
        technology: t.technology,
        worstShortfall: t.worstShortfall,
        leads: leaders.has(capability.acronym),
        workingOnIt,
      });
      if (t.worstShortfall > 0) agency.gapsWorkedOn++;
    }
  }
  return [...byAgency.values()].sort((a, b) => cmp(a.acronym, b.acronym));
}

/** One agency's view, or undefined when it reports no capability. */
export function agencyView(analysis: GapAnalysis, acronym: string): AgencySummary | undefined {
  const key = acronym.toLowerCase();
  return analysis.agencies.find((a) => a.acronym.toLowerCase() === key);
}

/** One technology's view by code (case-insensitive). */
export function technologyView(analysis: GapAnalysis, code: string): TechnologySummary | undefined {
  const key = code.toUpperCase();
  return analysis.technologies.find((t) => t.technology.code === key);
}
