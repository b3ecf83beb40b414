import type { Deps } from "../../../deps.js";
import { analyseGaps, type GapAnalysis } from "../../../domain/gap-analysis.js";
import type { Actor } from "../../../http/actor.js";
import { forbidden } from "../../../http/errors.js";
import { type DatasetKind, loadGapInputs } from "../technology.queries.js";
import { canReadGapAnalysis } from "./gaps.policy.js";

/** Today's date (UTC) from the injected clock, as the analysis's `asOf`. */
export const todayOf = (deps: Pick<Deps, "now">) => deps.now().toISOString().slice(0, 10);

/** Runs the gap analysis on one dataset as of today, for whoever may read it. */
export async function gapAnalysisFor(deps: Deps, actor: Actor, dataset: DatasetKind): Promise<GapAnalysis> {
  if (!canReadGapAnalysis(actor)) throw forbidden("The gap analysis is for members of the forum.");
  return analyse(deps, dataset);
}

/**
 * The analysis of the real records only, for the public section (no actor: visitors read it);
 * the public pages cut it down to the level of detail the secretariat set.
 */
export const publicGapAnalysis = (deps: Deps): Promise<GapAnalysis> => analyse(deps, "real");

async function analyse(deps: Deps, dataset: DatasetKind): Promise<GapAnalysis> {
  const inputs = await loadGapInputs(deps, { dataset });
  return analyseGaps({ ...inputs, asOf: todayOf(deps) });
}
