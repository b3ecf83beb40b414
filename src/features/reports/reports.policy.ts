import { type Actor, hasRole } from "../../http/actor.js";

const isSecretariat = (actor: Actor) => actor.kind === "system" || hasRole(actor, "secretariat");

/** The secretariat starts, sets up, publishes reports and edits every part. */
export const canManageReports = (actor: Actor) => isSecretariat(actor);

/** A draft is seen by those who write it: the secretariat and group chairs. */
export const canSeeDraftReport = (actor: Actor) => isSecretariat(actor) || hasRole(actor, "chair");

/** The secretariat edits any part; a chair edits only the outlook of a group they chair. */
export function canEditReportPart(actor: Actor, part: string, chairedGroupSlugs: string[]): boolean {
  if (isSecretariat(actor)) return true;
  if (!hasRole(actor, "chair") || !part.startsWith("outlook:")) return false;
  return chairedGroupSlugs.includes(part.slice("outlook:".length));
}

/** Participation statistics: for signed-in people, and for visitors once the secretariat says so. */
export const canSeeReportStatistics = (actor: Actor, statisticsPublic: boolean) =>
  statisticsPublic || actor.kind !== "visitor";
