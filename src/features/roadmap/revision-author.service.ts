import type { Actor } from "../../http/actor.js";

/**
 * Who a mission revision or proposal names: the person (by id too, so erasing them finds the copy
 * of their name) and their agency, which is what public histories show.
 */
export const revisionAuthor = (actor: Actor) =>
  actor.kind === "person"
    ? { actorId: actor.id, actorName: actor.name, agencyAcronym: actor.organisationAcronym }
    : { actorId: null, actorName: actor.kind === "system" ? actor.name : "visitor", agencyAcronym: null };
