import type { Feature } from "../../http/feature.js";
import { meetingAdminPages } from "./meetings.admin.pages.js";
import { registerGroupsAndMeetingsApi } from "./meetings.api.js";
import { meetingPages } from "./meetings.pages.js";
import { registerMeetingWriteApi } from "./meetings.write.api.js";
import { registerMeetingSessionsApi } from "./sessions.api.js";
import { meetingSessionPages } from "./sessions.pages.js";

/** Meetings, their sessions, registration and calendars. */
export const meetings: Feature = {
  pages: [meetingPages, meetingAdminPages, meetingSessionPages],
  api: [registerGroupsAndMeetingsApi, registerMeetingWriteApi, registerMeetingSessionsApi],
};
