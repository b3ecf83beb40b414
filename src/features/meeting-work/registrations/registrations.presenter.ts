import { z } from "@hono/zod-openapi";
import { registrationModes } from "../../../db/schema/index.js";
import type { Registration } from "./registrations.queries.js";

/** A person's registration for a meeting in the API. */
export const RegistrationSchema = z
  .object({
    id: z.number(),
    person: z.string(),
    agency: z.string().nullable(),
    attendance: z.enum(registrationModes),
    attended: z.boolean(),
  })
  .openapi("Registration");

/** A registration for the API. */
export const registrationJson = (r: Registration): z.infer<typeof RegistrationSchema> => ({
  id: r.id,
  person: r.name,
  agency: r.agency,
  attendance: r.attendance,
  attended: r.attended,
});
