import type { Feature } from "../../http/feature.js";
import { reportAdminPages } from "./reports.admin.pages.js";
import { registerReportsApi } from "./reports.api.js";
import { reportComparePages } from "./reports.compare.pages.js";
import { reportPages } from "./reports.pages.js";
import { reportPartPages } from "./reports.parts.pages.js";

/** Annual reports: agencies' contributions, compiling and publishing. */
export const reports: Feature = {
  pages: [reportPages, reportAdminPages, reportPartPages, reportComparePages],
  api: [registerReportsApi],
};
