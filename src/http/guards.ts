import type { Person } from "./actor.js";
import type { AppContext } from "./env.js";
import { AppError } from "./errors.js";

/** The signed-in person, or an `unauthenticated` error (pages turn it into a sign-in redirect). */
export function requirePerson(c: AppContext): Person {
  const actor = c.var.actor;
  if (actor.kind !== "person") throw new AppError("unauthenticated", "Please sign in to continue.");
  return actor;
}

/** The signed-in person behind an API request; anyone else gets a 401 `unauthenticated` JSON answer. */
export function apiPerson(c: AppContext): Person {
  const actor = c.var.actor;
  if (actor.kind !== "person") throw new AppError("unauthenticated", "Sign in first.");
  return actor;
}

/** Throws `forbidden` unless the policy allows it. */
export function authorize(allowed: boolean, why?: string): void {
  if (!allowed) throw new AppError("forbidden", why ?? "You are not allowed to do this.");
}

/** Reads a positive integer route or query parameter, or throws not_found. */
export function idParam(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > 2_147_483_647)
    throw new AppError("not_found", "This record was not found.");
  return n;
}

/** Reads `?page=` as a positive integer, defaulting to 1. */
export function pageParam(value: string | undefined): number {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n > 0 && n < 1_000_000 ? n : 1;
}

/**
 * A route's "signed in, and the policy allows it" step, declared once per route group:
 * `const guard = personAllowedBy(canManageFaq, onlySecretariat)`, then `const actor = guard(c)`.
 */
export function personAllowedBy(policy: (actor: Person) => boolean, why?: string) {
  return (c: AppContext): Person => {
    const actor = requirePerson(c);
    authorize(policy(actor), why);
    return actor;
  };
}
