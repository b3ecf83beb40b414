import type { Feature } from "../../http/feature.js";
import { reportAdminPages } from "./reports.admin.pages.js";
import { registerReportsApi } from "./reports.api.js";
import { reportPages } from "./reports.pages.js";

/** Annual reports: agencies' contributions, compiling and publishing. */
export const reports: Feature = {
  pages: [reportPages, reportAdminPages],
  api: [registerReportsApi],
};
