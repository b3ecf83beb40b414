import { Hono } from "hono";
import type { AppEnv } from "../../http/env.js";
import { agendaPages } from "./agenda/agenda.pages.js";
import { decisionPages } from "./decisions/decisions.pages.js";
import { agendaFilePages } from "./files/files.pages.js";
import { meetingWorkPage } from "./meeting.pages.js";
import { minutesPages } from "./minutes/minutes.pages.js";
import { registrationPages } from "./registrations/registrations.pages.js";

/**
 * The private meeting page and its parts. Mounted after the meetings admin pages so that
 * `/private/meetings/new` is never taken for a meeting's address.
 */
export function meetingWorkPages() {
  const app = new Hono<AppEnv>();
  app.route("/", meetingWorkPage());
  app.route("/", registrationPages());
  app.route("/", agendaPages());
  app.route("/", agendaFilePages());
  app.route("/", decisionPages());
  app.route("/", minutesPages());
  return app;
}
