import type { Actor } from "../../http/actor.js";
import { revisionAuthor as author } from "../../kit/revisions.js";

/**
 * Who a mission revision or proposal names: the person (by id too, so erasing them finds the copy
 * of their name) and their agency, which is what public histories show.
 */
export const revisionAuthor = (actor: Actor) => {
  const { authorId, authorName } = author(actor);
  const agencyAcronym = actor.kind === "person" ? actor.organisationAcronym : null;
  return { actorId: authorId, actorName: authorName, agencyAcronym };
};
