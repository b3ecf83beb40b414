import { createRoute, z } from "@hono/zod-openapi";
import { registrationModes } from "../../db/schema/index.js";
import { errors, json } from "../../http/api-schemas.js";
import type { AppContext } from "../../http/env.js";
import { AppError, notFound } from "../../http/errors.js";
import type { Api } from "../../http/openapi.js";
import type { Person } from "../auth/actor.js";
import { findMeetingBySlug } from "../meetings/meetings.queries.js";
import { type AgendaItem, findAgendaItem, listAgenda } from "./agenda.queries.js";
import { addAgendaItem, deleteAgendaItem, updateAgendaItem } from "./agenda.service.js";
import { addDecision, type Decision, listDecisions, updateDecision } from "./decisions.js";
import { addMinutesVersion, approveMinutes, listMinutes, type MinutesVersion } from "./minutes.js";
import { cancelRegistration, listRegistrations, registerForMeeting, setAttended } from "./registrations.js";

const tags = ["Meetings"];
const security = [{ session: [] }];
const param = (name: string) => z.string().openapi({ param: { name, in: "path" } });
const slugParam = z.object({ slug: param("slug") });
const loose = (name: string, shape: z.ZodRawShape) => z.object(shape).partial().passthrough().openapi(name);

const Registration = z
  .object({
    id: z.number(),
    person: z.string(),
    agency: z.string().nullable(),
    attendance: z.enum(registrationModes),
    attended: z.boolean(),
  })
  .openapi("Registration");
const AgendaItemSchema = z
  .object({
    id: z.number(),
    position: z.number(),
    title: z.string(),
    startTime: z.string().nullable().openapi({ description: "HH:MM local to the meeting" }),
    durationMinutes: z.number().nullable(),
    presenterAgency: z.string().nullable(),
    presenterPerson: z.number().nullable(),
    presenterName: z.string().nullable(),
    notes: z.string(),
    files: z.array(
      z.object({ id: z.number(), name: z.string(), type: z.string(), size: z.number(), url: z.string() }),
    ),
  })
  .openapi("AgendaItem");
const DecisionSchema = z
  .object({
    id: z.number(),
    number: z.number(),
    label: z.string().openapi({ example: "D3" }),
    text: z.string(),
  })
  .openapi("Decision");
const MinutesSchema = z
  .object({
    version: z.number(),
    text: z.string().openapi({ description: "Markdown" }),
    author: z.string(),
    savedAt: z.string(),
    approvedAt: z.string().nullable(),
    approvingMeeting: z.string().nullable().openapi({ description: "slug of the meeting that approved it" }),
    approvedBy: z.string().nullable(),
  })
  .openapi("MinutesVersion");

/** The signed-in person; the API answers 401 to anyone else. */
function person(c: AppContext): Person {
  if (c.var.actor.kind !== "person") throw new AppError("unauthenticated", "Sign in first.");
  return c.var.actor;
}

async function meeting(c: AppContext, slug: string) {
  person(c);
  const m = await findMeetingBySlug(c.var.deps.db, slug);
  if (!m) throw notFound("The meeting");
  return m;
}

const itemJson = (slug: string, i: AgendaItem) => ({
  id: i.id,
  position: i.position,
  title: i.title,
  startTime: i.startTime,
  durationMinutes: i.durationMinutes,
  presenterAgency: i.presenterAgency,
  presenterPerson: i.presenterPersonId,
  presenterName: i.presenterName,
  notes: i.notes,
  files: i.files.map((f) => ({
    id: f.id,
    name: f.name,
    type: f.type,
    size: f.size,
    url: `/private/meetings/${slug}/files/${f.id}`,
  })),
});
const decisionJson = (d: Decision) => ({ id: d.id, number: d.number, label: `D${d.number}`, text: d.text });
const minutesJson = (v: MinutesVersion) => ({
  version: v.version,
  text: v.text,
  author: v.authorName,
  savedAt: v.createdAt.toISOString(),
  approvedAt: v.approvedAt?.toISOString() ?? null,
  approvingMeeting: v.approvingSlug,
  approvedBy: v.approvedByName,
});

/** Registers the members-only meeting endpoints: registrations, agenda, decisions, minutes. */
export function registerMeetingWorkApi(api: Api) {
  registerRegistrationRoutes(api);
  registerAgendaRoutes(api);
  registerDecisionRoutes(api);
  registerMinutesRoutes(api);
}

function registerRegistrationRoutes(api: Api) {
  const list = json(z.object({ data: z.array(Registration) }), "Registrations by agency");
  const toJson = async (c: AppContext, meetingId: number) =>
    (await listRegistrations(c.var.deps.db, meetingId)).map((r) => ({
      id: r.id,
      person: r.name,
      agency: r.agency,
      attendance: r.attendance,
      attended: r.attended,
    }));
  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{slug}/registrations",
      tags,
      security,
      summary: "Who registered for a meeting (members only)",
      request: { params: slugParam },
      responses: { 200: list, ...errors },
    }),
    async (c) => {
      const m = await meeting(c, c.req.valid("param").slug);
      return c.json({ data: await toJson(c, m.id) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "put",
      path: "/meetings/{slug}/registration",
      tags,
      security,
      summary: "Register yourself, or change how you attend (until the meeting starts)",
      request: {
        params: slugParam,
        body: {
          content: {
            "application/json": {
              schema: loose("RegistrationWrite", { attendance: z.enum(registrationModes) }),
            },
          },
          required: true,
        },
      },
      responses: {
        200: json(z.object({ data: z.object({ attendance: z.enum(registrationModes) }) }), "Registered"),
        ...errors,
      },
    }),
    async (c) => {
      const r = await registerForMeeting(
        c.var.deps,
        person(c),
        c.req.valid("param").slug,
        c.req.valid("json"),
      );
      return c.json({ data: { attendance: r.attendance } }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "delete",
      path: "/meetings/{slug}/registration",
      tags,
      security,
      summary: "Cancel your registration (until the meeting starts)",
      request: { params: slugParam },
      responses: {
        200: json(z.object({ data: z.object({ cancelled: z.boolean() }) }), "Cancelled"),
        ...errors,
      },
    }),
    async (c) => {
      await cancelRegistration(c.var.deps, person(c), c.req.valid("param").slug);
      return c.json({ data: { cancelled: true } }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "patch",
      path: "/meetings/{slug}/registrations/{id}",
      tags,
      security,
      summary: "Mark a registered person as attended or not (secretariat, or the group's chair)",
      request: {
        params: z.object({ slug: param("slug"), id: param("id") }),
        body: {
          content: { "application/json": { schema: loose("AttendedWrite", { attended: z.boolean() }) } },
          required: true,
        },
      },
      responses: { 200: list, ...errors },
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const m = await meeting(c, slug);
      await setAttended(c.var.deps, person(c), m.slug, Number(id), c.req.valid("json"));
      return c.json({ data: await toJson(c, m.id) }, 200);
    },
  );
}

function registerAgendaRoutes(api: Api) {
  const write = loose("AgendaItemWrite", {
    title: z.string(),
    startTime: z.string().nullable(),
    durationMinutes: z.number().nullable(),
    presenterAgency: z.string().nullable(),
    presenterPerson: z.number().nullable(),
    notes: z.string(),
  });
  const one = json(z.object({ data: AgendaItemSchema }), "The agenda item");
  const itemParams = z.object({ slug: param("slug"), id: param("id") });
  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{slug}/agenda",
      tags,
      security,
      summary: "A meeting's agenda with presenters and files (members only)",
      request: { params: slugParam },
      responses: { 200: json(z.object({ data: z.array(AgendaItemSchema) }), "The agenda"), ...errors },
    }),
    async (c) => {
      const m = await meeting(c, c.req.valid("param").slug);
      return c.json({ data: (await listAgenda(c.var.deps.db, m.id)).map((i) => itemJson(m.slug, i)) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{slug}/agenda",
      tags,
      security,
      summary: "Add an agenda item at the end (secretariat, or the group's chair)",
      request: {
        params: slugParam,
        body: { content: { "application/json": { schema: write } }, required: true },
      },
      responses: { 201: one, ...errors },
    }),
    async (c) => {
      const m = await meeting(c, c.req.valid("param").slug);
      const row = await addAgendaItem(c.var.deps, person(c), m.slug, c.req.valid("json"));
      return c.json({ data: itemJson(m.slug, (await findAgendaItem(c.var.deps.db, m.id, row.id))!) }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "patch",
      path: "/meetings/{slug}/agenda/{id}",
      tags,
      security,
      summary: "Change an agenda item; fields left out keep their value",
      request: {
        params: itemParams,
        body: { content: { "application/json": { schema: write } }, required: true },
      },
      responses: { 200: one, ...errors },
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const m = await meeting(c, slug);
      const current = await findAgendaItem(c.var.deps.db, m.id, Number(id));
      if (!current) throw notFound("The agenda item");
      const merged = {
        title: current.title,
        startTime: current.startTime,
        durationMinutes: current.durationMinutes,
        presenterAgency: current.presenterAgency,
        presenterPerson: current.presenterPersonId,
        notes: current.notes,
        ...c.req.valid("json"),
      };
      await updateAgendaItem(c.var.deps, person(c), m.slug, current.id, merged);
      return c.json(
        { data: itemJson(m.slug, (await findAgendaItem(c.var.deps.db, m.id, current.id))!) },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "delete",
      path: "/meetings/{slug}/agenda/{id}",
      tags,
      security,
      summary: "Remove an agenda item with its files",
      request: { params: itemParams },
      responses: { 200: json(z.object({ data: z.object({ deleted: z.boolean() }) }), "Removed"), ...errors },
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const m = await meeting(c, slug);
      const n = Number(id);
      if (!Number.isInteger(n) || n <= 0) throw notFound("The agenda item");
      await deleteAgendaItem(c.var.deps, person(c), m.slug, n);
      return c.json({ data: { deleted: true } }, 200);
    },
  );
}

function registerDecisionRoutes(api: Api) {
  const write = loose("DecisionWrite", { text: z.string().openapi({ description: "Markdown" }) });
  const one = json(z.object({ data: DecisionSchema }), "The decision");
  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{slug}/decisions",
      tags,
      security,
      summary: "A meeting's decisions in number order (members only)",
      request: { params: slugParam },
      responses: { 200: json(z.object({ data: z.array(DecisionSchema) }), "Decisions"), ...errors },
    }),
    async (c) => {
      const m = await meeting(c, c.req.valid("param").slug);
      return c.json({ data: (await listDecisions(c.var.deps, m.id)).map(decisionJson) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{slug}/decisions",
      tags,
      security,
      summary: "Record a decision under the next number (secretariat, or the group's chair)",
      request: {
        params: slugParam,
        body: { content: { "application/json": { schema: write } }, required: true },
      },
      responses: { 201: one, ...errors },
    }),
    async (c) => {
      const d = await addDecision(c.var.deps, person(c), c.req.valid("param").slug, c.req.valid("json"));
      return c.json({ data: decisionJson(d) }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "patch",
      path: "/meetings/{slug}/decisions/{number}",
      tags,
      security,
      summary: "Change a decision's text; its number stays",
      request: {
        params: z.object({ slug: param("slug"), number: param("number") }),
        body: { content: { "application/json": { schema: write } }, required: true },
      },
      responses: { 200: one, ...errors },
    }),
    async (c) => {
      const { slug, number } = c.req.valid("param");
      const n = Number(number);
      if (!Number.isInteger(n) || n <= 0) throw notFound("The decision");
      const d = await updateDecision(c.var.deps, person(c), slug, n, c.req.valid("json"));
      return c.json({ data: decisionJson(d) }, 200);
    },
  );
}

function registerMinutesRoutes(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/meetings/{slug}/minutes",
      tags,
      security,
      summary: "Every version of a meeting's minutes, newest first (members only)",
      request: { params: slugParam },
      responses: { 200: json(z.object({ data: z.array(MinutesSchema) }), "Versions"), ...errors },
    }),
    async (c) => {
      const m = await meeting(c, c.req.valid("param").slug);
      return c.json({ data: (await listMinutes(c.var.deps.db, m.id)).map(minutesJson) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{slug}/minutes",
      tags,
      security,
      summary: "Save the minutes as a new version (secretariat, or the group's chair)",
      request: {
        params: slugParam,
        body: {
          content: { "application/json": { schema: loose("MinutesWrite", { text: z.string() }) } },
          required: true,
        },
      },
      responses: { 201: json(z.object({ data: MinutesSchema }), "The new version"), ...errors },
    }),
    async (c) => {
      const m = await meeting(c, c.req.valid("param").slug);
      const v = await addMinutesVersion(c.var.deps, person(c), m.slug, c.req.valid("json"));
      const [saved] = (await listMinutes(c.var.deps.db, m.id)).filter((x) => x.id === v.id);
      return c.json({ data: minutesJson(saved!) }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/meetings/{slug}/minutes/approval",
      tags,
      security,
      summary: "Record that the latest version was approved at a later meeting",
      request: {
        params: slugParam,
        body: {
          content: {
            "application/json": {
              schema: loose("MinutesApproval", {
                approvingMeeting: z.string().openapi({ description: "slug of a meeting that starts later" }),
                version: z.number().openapi({ description: "the latest version, to guard against a race" }),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 200: json(z.object({ data: MinutesSchema }), "The approved version"), ...errors },
    }),
    async (c) => {
      const m = await meeting(c, c.req.valid("param").slug);
      const { version } = await approveMinutes(c.var.deps, person(c), m.slug, c.req.valid("json"));
      const [v] = (await listMinutes(c.var.deps.db, m.id)).filter((x) => x.version === version);
      return c.json({ data: minutesJson(v!) }, 200);
    },
  );
}
