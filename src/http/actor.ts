import type { Role } from "../db/schema/index.js";

/** A signed-in person as the platform sees them for one request. */
export type Person = {
  kind: "person";
  id: number;
  name: string;
  email: string;
  organisationId: number | null;
  organisationAcronym: string | null;
  roles: Role[];
  requestId?: string;
  /** Set when the request came with an agency's API token: its owner's current rights there, at most a focal point's. */
  token?: { id: number; name: string };
  /** Set when the person's role requires two factors and they have none yet: they may only enrol. */
  mustEnrol?: true;
};

/** Whoever makes a request: a visitor, a signed-in person, or the command line. */
export type Actor = { kind: "visitor"; requestId?: string } | Person | { kind: "system"; name: string };

export const visitor: Actor = { kind: "visitor" };

/** The command line and the seed act as the system. */
export const systemActor = (name = "system"): Actor => ({ kind: "system", name });

/** True when the actor is a person with this role. */
export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === "person" && actor.roles.includes(role);
}

/** True for a signed-in person (any role). */
export function isSignedIn(actor: Actor): actor is Person {
  return actor.kind === "person";
}

export const roleLabels: Record<Role, string> = {
  member: "Member",
  focal_point: "Focal point",
  chair: "Chair",
  secretariat: "Secretariat",
};
