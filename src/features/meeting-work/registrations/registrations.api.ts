import { createRoute, z } from "@hono/zod-openapi";
import { registrationModes } from "../../../db/schema/index.js";
import { errors, json, parsedByUseCase } from "../../../http/api-schemas.js";
import type { AppContext } from "../../../http/env.js";
import { apiPerson } from "../../../http/guards.js";
import type { Api } from "../../../http/openapi.js";
import { attendedFlagInput, registrationInput } from "../meeting-work.schemas.js";
import { meeting, param, security, slugParam, tags } from "../shared.api.js";
import { RegistrationSchema, registrationJson } from "./registrations.presenter.js";
import { listRegistrations } from "./registrations.queries.js";
import { cancelRegistration, registerForMeeting, setAttended } from "./registrations.service.js";

/** Registers the members-only registration endpoints of a meeting. */
export function registerRegistrationRoutes(api: Api) {
  const list = json(z.object({ data: z.array(RegistrationSchema) }), "Registrations by agency");
  const toJson = async (c: AppContext, meetingId: number) =>
    (await listRegistrations(c.var.deps.db, meetingId)).map(registrationJson);
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
              schema: parsedByUseCase(registrationInput, "RegistrationWrite"),
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
        apiPerson(c),
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
      await cancelRegistration(c.var.deps, apiPerson(c), c.req.valid("param").slug);
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
          content: { "application/json": { schema: parsedByUseCase(attendedFlagInput, "AttendedWrite") } },
          required: true,
        },
      },
      responses: { 200: list, ...errors },
    }),
    async (c) => {
      const { slug, id } = c.req.valid("param");
      const m = await meeting(c, slug);
      await setAttended(c.var.deps, apiPerson(c), m.slug, Number(id), c.req.valid("json"));
      return c.json({ data: await toJson(c, m.id) }, 200);
    },
  );
}
