import type { Api } from "../../http/openapi.js";
import { registerAgendaRoutes } from "./agenda/agenda.api.js";
import { registerDecisionRoutes } from "./decisions/decisions.api.js";
import { registerMinutesRoutes } from "./minutes/minutes.api.js";
import { registerRegistrationRoutes } from "./registrations/registrations.api.js";

/** Registers the members-only meeting endpoints: registrations, agenda, decisions, minutes. */
export function registerMeetingWorkApi(api: Api) {
  registerRegistrationRoutes(api);
  registerAgendaRoutes(api);
  registerDecisionRoutes(api);
  registerMinutesRoutes(api);
}
