import { z } from "@hono/zod-openapi";
import { type auditLog, type chairTerms, roles } from "../../db/schema/index.js";
import { partialDateInput } from "../../web/format.js";
import { canManageDirectory, canSeeContactDetails } from "./directory.policy.js";
import type { findPerson, Organisation } from "./directory.queries.js";

/** A member organisation in the API. */
export const Member = z
  .object({
    acronym: z.string().openapi({ example: "ESA" }),
    slug: z.string().openapi({ example: "esa" }),
    name: z.string(),
    nativeName: z.string().nullable(),
    country: z.string(),
    kind: z.enum(["space_agency", "government_organisation"]),
    intergovernmental: z.boolean(),
    founding: z.boolean(),
    joined: z
      .string()
      .openapi({ description: "YYYY, YYYY-MM or YYYY-MM-DD, as precise as known", example: "2007-11" }),
    joinedUncertain: z.boolean(),
    joinNote: z.string().nullable(),
    leftOn: z.string().nullable(),
    website: z.string().nullable(),
    logoUrl: z.string().nullable(),
    description: z.string().nullable(),
    notes: z.string().nullable(),
    formerNames: z.array(z.string()),
    sources: z.array(z.string()),
  })
  .openapi("Member");

/** A person in the API; the e-mail address and the active flag only for those who may see them. */
export const Person = z
  .object({
    id: z.number().int(),
    name: z.string(),
    organisation: z.string().nullable().openapi({ description: "acronym; null for secretariat staff" }),
    jobTitle: z.string().nullable(),
    roles: z.array(z.enum(roles)),
    email: z.string().optional().openapi({ description: "only for signed-in readers" }),
    active: z.boolean().optional().openapi({ description: "only for the secretariat" }),
  })
  .openapi("Person");

/** A chair term in the API. */
export const ChairTerm = z
  .object({
    agency: z.string(),
    from: z.string(),
    to: z.string().nullable(),
    person: z.string().nullable(),
    certainty: z.string(),
    note: z.string().nullable(),
  })
  .openapi("ChairTerm");

/** An entry of the audit log in the API. */
export const AuditEntry = z
  .object({
    id: z.number(),
    at: z.string(),
    actor: z.string(),
    agency: z.string().nullable(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    summary: z.string(),
  })
  .openapi("AuditEntry");

/** Public shape of a member organisation. */
export function memberJson(o: Organisation): z.infer<typeof Member> {
  const { id: _id, createdAt: _c, updatedAt: _u, joinedOn, joinedPrecision, ...rest } = o;
  return { ...rest, joined: partialDateInput(joinedOn, joinedPrecision) };
}

type PersonWithOrg = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

/** A person for the API, as much of them as `actor` may see. */
export function personJson(
  actor: Parameters<typeof canSeeContactDetails>[0],
  { person, acronym }: PersonWithOrg,
): z.infer<typeof Person> {
  return {
    id: person.id,
    name: person.name,
    organisation: acronym,
    jobTitle: person.jobTitle,
    roles: person.roles,
    ...(canSeeContactDetails(actor) ? { email: person.email } : {}),
    ...(canManageDirectory(actor) ? { active: person.active } : {}),
  };
}

/** A chair term for the API, its dates as precise as known. */
export const chairTermJson = ({
  term,
  acronym,
}: {
  term: typeof chairTerms.$inferSelect;
  acronym: string;
}): z.infer<typeof ChairTerm> => ({
  agency: acronym,
  from: partialDateInput(term.startsOn, term.startPrecision),
  to: term.endsOn && term.endPrecision ? partialDateInput(term.endsOn, term.endPrecision) : null,
  person: term.person,
  certainty: term.certainty,
  note: term.note,
});

/** An audit entry for the API. */
export const auditEntryJson = (r: typeof auditLog.$inferSelect): z.infer<typeof AuditEntry> => ({
  id: r.id,
  at: r.at.toISOString(),
  actor: r.actorName,
  agency: r.agencyAcronym,
  action: r.action,
  subjectType: r.subjectType,
  subjectId: r.subjectId,
  summary: r.summary,
});
