import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { organisations } from "../../db/schema/index.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, invalid } from "../../http/errors.js";

/** The fields a request may name an agency with (API clients send any of them). */
const ACRONYM_KEYS = ["agency", "organisation", "organization"] as const;
const ID_KEYS = ["agencyId", "organisationId", "organizationId"] as const;

export type NamedAgency = { id: number; acronym: string };

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * The agency a position or comment body names, if it names one (by acronym or id); an unknown one is
 * a 422. Nothing a body names is ever taken silently as the requester's own agency.
 */
export async function namedAgency(db: Db, raw: unknown): Promise<NamedAgency | null> {
  if (!raw || typeof raw !== "object") return null;
  const body = raw as Record<string, unknown>;
  for (const key of ACRONYM_KEYS) {
    const v = first(body[key]);
    if (v === undefined || v === null || v === "") continue;
    const [row] = await db
      .select({ id: organisations.id, acronym: organisations.acronym })
      .from(organisations)
      .where(eq(sql`upper(${organisations.acronym})`, String(v).trim().toUpperCase()));
    if (!row) throw invalid({ [key]: `There is no member ${String(v).slice(0, 40)}.` });
    return row;
  }
  for (const key of ID_KEYS) {
    const v = first(body[key]);
    if (v === undefined || v === null || v === "") continue;
    const id = Number(v);
    const [row] = Number.isSafeInteger(id)
      ? await db
          .select({ id: organisations.id, acronym: organisations.acronym })
          .from(organisations)
          .where(eq(organisations.id, id))
      : [];
    if (!row) throw invalid({ [key]: `There is no member with the id ${String(v).slice(0, 20)}.` });
    return row;
  }
  return null;
}

/**
 * Refuses (403) a request that names another agency than the requester's own: an agency speaks only
 * for itself (national prerogative), and the request is refused rather than recorded as the
 * requester's own. `what` is "position" or "comment".
 */
export function ensureOwnAgency(actor: Actor, named: NamedAgency | null, what: "position" | "comment"): void {
  if (!named) return;
  const own = actor.kind === "person" ? actor.organisationId : null;
  if (own === named.id) return;
  const mine = actor.kind === "person" && actor.organisationAcronym ? actor.organisationAcronym : null;
  const who = mine ? `You speak for ${mine}` : "You speak for no agency";
  throw forbidden(
    `${who}, but this ${what} names ${named.acronym}: only ${named.acronym}'s own members write its ${what}s${what === "position" ? " (or the secretariat records it on its behalf, with the evidence)" : ""}. Nothing was recorded.`,
  );
}
