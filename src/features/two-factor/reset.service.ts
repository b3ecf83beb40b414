import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, notFound } from "../../http/errors.js";
import { write } from "../../kit/write.js";
import { canManageDirectory } from "../directory/directory.policy.js";
import { findPerson } from "../directory/directory.queries.js";
import { deleteFactorsOf } from "./factors.queries.js";

/** Removes every second factor of a person who lost them (secretariat or command line); audited. */
export async function resetTwoFactor(deps: Deps, actor: Actor, personId: number): Promise<{ name: string }> {
  if (!canManageDirectory(actor))
    throw forbidden("Only the secretariat resets other people's second factors.");
  const found = await findPerson(deps.db, personId);
  if (!found) throw notFound("The person");
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await deleteFactorsOf(tx, personId);
      await audit({
        action: "two_factor.reset",
        subjectType: "person",
        subjectId: personId,
        summary: `Reset the second factors of ${found.person.name}`,
      });
    },
    { invalidatesPages: false },
  );
  return { name: found.person.name };
}
