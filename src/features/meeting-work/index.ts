import type { Feature } from "../../http/feature.js";
import { registerMeetingWorkApi } from "./meeting-work.api.js";
import { meetingWorkPages } from "./meeting-work.pages.js";

/** A meeting's working area: agenda, documents, minutes and decisions. */
export const meetingWork: Feature = {
  pages: [meetingWorkPages],
  api: [registerMeetingWorkApi],
};
