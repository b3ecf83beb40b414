import type { Feature } from "../../http/feature.js";
import { agendaPages } from "./agenda/agenda.pages.js";
import { decisionPages } from "./decisions/decisions.pages.js";
import { agendaFilePages } from "./files/files.pages.js";
import { meetingWorkPage } from "./meeting.pages.js";
import { registerMeetingWorkApi } from "./meeting-work.api.js";
import { minutesPages } from "./minutes/minutes.pages.js";
import { registrationPages } from "./registrations/registrations.pages.js";

/**
 * A meeting's working area: agenda, documents, minutes and decisions. Mounted after the meetings
 * admin pages so that `/private/meetings/new` is never taken for a meeting's address.
 */
export const meetingWork: Feature = {
  pages: [meetingWorkPage, registrationPages, agendaPages, agendaFilePages, decisionPages, minutesPages],
  api: [registerMeetingWorkApi],
};
