import { createRoute, z } from "@hono/zod-openapi";
import { roles } from "../../db/schema/index.js";
import { body, errors, json } from "../../http/api-schemas.js";
import { AppError } from "../../http/errors.js";
import { authorize, idParam, pageParam } from "../../http/guards.js";
import type { Api } from "../../http/openapi.js";
import { partialDateInput } from "../../web/format.js";
import { listAudit } from "../audit/audit.queries.js";
import { canManageDirectory, canReadAuditLog, canSeeContactDetails } from "./directory.policy.js";
import {
  findOrganisationByAcronym,
  findOrganisationBySlug,
  findPerson,
  listChairTerms,
  listOrganisations,
  listPeople,
  type Organisation,
} from "./directory.queries.js";
import { addOrganisation, updateOrganisation } from "./organisations.service.js";
import { addPerson, updatePerson } from "./people.service.js";

const Member = z
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

const MemberWrite = z
  .object({
    acronym: z.string(),
    name: z.string(),
    nativeName: z.string().optional(),
    country: z.string(),
    kind: z
      .string()
      .openapi({ description: "space_agency or government_organisation; individuals cannot be members" }),
    intergovernmental: z.boolean().optional(),
    founding: z.boolean().optional(),
    joined: z.string().openapi({ example: "2021-06" }),
    joinedUncertain: z.boolean().optional(),
    joinNote: z.string().optional(),
    leftOn: z.string().optional(),
    website: z.string().optional(),
    logoUrl: z.string().optional(),
    description: z.string().optional(),
    notes: z.string().optional(),
  })
  .openapi("MemberWrite");

const Person = z
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

const PersonWrite = z
  .object({
    name: z.string(),
    email: z.string(),
    organisation: z
      .string()
      .optional()
      .openapi({ description: "member acronym; omit only for secretariat staff" }),
    jobTitle: z.string().optional(),
    roles: z.array(z.enum(roles)),
    active: z.boolean().optional(),
    password: z.string().optional(),
  })
  .openapi("PersonWrite");

const ChairTerm = z
  .object({
    agency: z.string(),
    from: z.string(),
    to: z.string().nullable(),
    person: z.string().nullable(),
    certainty: z.string(),
    note: z.string().nullable(),
  })
  .openapi("ChairTerm");

const AuditEntry = z
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

const slugParam = z.object({
  slug: z.string().openapi({ param: { name: "slug", in: "path" }, example: "esa" }),
});
const idParamSchema = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" }, example: "1" }),
});
const pageQuery = z.object({
  page: z.string().optional(),
  agency: z.string().optional(),
  role: z.string().optional(),
});

/** Public shape of a member organisation. */
export function memberJson(o: Organisation) {
  const { id: _id, createdAt: _c, updatedAt: _u, joinedOn, joinedPrecision, ...rest } = o;
  return { ...rest, joined: partialDateInput(joinedOn, joinedPrecision) };
}

/** Registers the members, people, chairs and audit endpoints. */
export function registerDirectoryApi(api: Api) {
  const tags = ["Directory"];
  api.openapi(
    createRoute({
      method: "get",
      path: "/members",
      tags,
      summary: "List member organisations",
      responses: { 200: json(z.object({ data: z.array(Member) }), "Members") },
    }),
    async (c) => c.json({ data: (await listOrganisations(c.var.deps.db)).map(memberJson) }, 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/members/{slug}",
      tags,
      summary: "One member organisation",
      request: { params: slugParam },
      responses: { 200: json(z.object({ data: Member }), "The member"), 404: errors[404] },
    }),
    async (c) => {
      const org = await findOrganisationBySlug(c.var.deps.db, c.req.valid("param").slug);
      if (!org) throw new AppError("not_found", "No member with this slug.");
      return c.json({ data: memberJson(org) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/members",
      tags,
      summary: "Add a member organisation",
      description: "Secretariat only.",
      security: [{ session: [] }],
      request: body(MemberWrite),
      responses: { 201: json(z.object({ data: Member }), "Created"), ...errors },
    }),
    async (c) => {
      const org = await addOrganisation(c.var.deps, c.var.actor, c.req.valid("json"));
      return c.json({ data: memberJson(org) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/members/{slug}",
      tags,
      summary: "Change a member organisation",
      description: "Secretariat only. Fields left out keep their value.",
      security: [{ session: [] }],
      request: { params: slugParam, ...body(MemberWrite.partial()) },
      responses: { 200: json(z.object({ data: Member }), "Updated"), ...errors },
    }),
    async (c) => {
      const current = await findOrganisationBySlug(c.var.deps.db, c.req.valid("param").slug);
      if (!current) throw new AppError("not_found", "No member with this slug.");
      const merged = { ...nullsToUndefined(memberJson(current)), ...c.req.valid("json") };
      return c.json(
        { data: memberJson(await updateOrganisation(c.var.deps, c.var.actor, current.slug, merged)) },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/people",
      tags,
      summary: "List people",
      description:
        "Visitors see names, organisations and roles of active people; signed-in readers also see e-mail addresses.",
      request: { query: pageQuery },
      responses: {
        200: json(z.object({ data: z.array(Person), page: z.number(), total: z.number() }), "People"),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const org = q.agency ? await findOrganisationByAcronym(c.var.deps.db, q.agency) : undefined;
      if (q.agency && !org) throw new AppError("not_found", `No member organisation ${q.agency}.`);
      const page = pageParam(q.page);
      const role = roles.find((r) => r === q.role);
      const { rows, total } = await listPeople(
        c.var.deps.db,
        { organisationId: org?.id, role, includeInactive: canManageDirectory(c.var.actor) },
        page,
        100,
      );
      return c.json({ data: rows.map((r) => personJson(c.var.actor, r)), page, total }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/people/{id}",
      tags,
      summary: "One person",
      request: { params: idParamSchema },
      responses: { 200: json(z.object({ data: Person }), "The person"), 404: errors[404] },
    }),
    async (c) => {
      const found = await findPerson(c.var.deps.db, idParam(c.req.valid("param").id));
      if (!found || (!found.person.active && !canManageDirectory(c.var.actor)))
        throw new AppError("not_found", "No such person.");
      return c.json({ data: personJson(c.var.actor, found) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/people",
      tags,
      summary: "Add a person",
      description: "Secretariat only.",
      security: [{ session: [] }],
      request: body(PersonWrite),
      responses: { 201: json(z.object({ data: Person }), "Created"), ...errors },
    }),
    async (c) => {
      const row = await addPerson(c.var.deps, c.var.actor, c.req.valid("json"));
      return c.json({ data: personJson(c.var.actor, (await findPerson(c.var.deps.db, row.id))!) }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/people/{id}",
      tags,
      summary: "Change a person",
      description: "Secretariat only. Fields left out keep their value.",
      security: [{ session: [] }],
      request: { params: idParamSchema, ...body(PersonWrite.partial()) },
      responses: { 200: json(z.object({ data: Person }), "Updated"), ...errors },
    }),
    async (c) => {
      const id = idParam(c.req.valid("param").id);
      const found = await findPerson(c.var.deps.db, id);
      if (!found) throw new AppError("not_found", "No such person.");
      const p = found.person;
      const current = {
        name: p.name,
        email: p.email,
        organisation: found.acronym ?? undefined,
        jobTitle: p.jobTitle ?? undefined,
        roles: p.roles,
        active: p.active,
      };
      await updatePerson(c.var.deps, c.var.actor, id, { ...current, ...c.req.valid("json") });
      return c.json({ data: personJson(c.var.actor, (await findPerson(c.var.deps.db, id))!) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/chairs",
      tags,
      summary: "Chair terms, oldest first",
      responses: { 200: json(z.object({ data: z.array(ChairTerm) }), "Chair terms") },
    }),
    async (c) => {
      const rows = await listChairTerms(c.var.deps.db);
      return c.json(
        {
          data: rows.map(({ term, acronym }) => ({
            agency: acronym,
            from: partialDateInput(term.startsOn, term.startPrecision),
            to: term.endsOn && term.endPrecision ? partialDateInput(term.endsOn, term.endPrecision) : null,
            person: term.person,
            certainty: term.certainty,
            note: term.note,
          })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/audit",
      tags: ["Audit"],
      summary: "The audit log, newest first",
      description: "Secretariat only.",
      security: [{ session: [] }],
      request: { query: pageQuery },
      responses: {
        200: json(z.object({ data: z.array(AuditEntry), page: z.number(), total: z.number() }), "Entries"),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      if (c.var.actor.kind !== "person") throw new AppError("unauthenticated", "Sign in first.");
      authorize(canReadAuditLog(c.var.actor), "Only the secretariat can read the audit log.");
      const q = c.req.valid("query");
      const page = pageParam(q.page);
      const { rows, total } = await listAudit(c.var.deps.db, { agency: q.agency }, page, 100);
      return c.json(
        {
          data: rows.map((r) => ({
            id: r.id,
            at: r.at.toISOString(),
            actor: r.actorName,
            agency: r.agencyAcronym,
            action: r.action,
            subjectType: r.subjectType,
            subjectId: r.subjectId,
            summary: r.summary,
          })),
          page,
          total,
        },
        200,
      );
    },
  );
}

type PersonWithOrg = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

function personJson(actor: Parameters<typeof canSeeContactDetails>[0], { person, acronym }: PersonWithOrg) {
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

const nullsToUndefined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
