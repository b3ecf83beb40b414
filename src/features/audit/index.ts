import type { Feature } from "../../http/feature.js";
import { auditPages } from "./audit.pages.js";

/** The audit log, for the secretariat. */
export const audit: Feature = {
  pages: [auditPages],
};
