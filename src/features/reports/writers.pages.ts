import { personAllowedBy } from "../../http/guards.js";
import { canSeeDraftReport } from "./reports.policy.js";

/** The "signed in and may work on annual reports" step of the report pages: the secretariat and chairs. */
export const reportWriter = personAllowedBy(
  canSeeDraftReport,
  "Only the secretariat and group chairs work on annual reports.",
);
