import type { Feature } from "../../http/feature.js";
import { groupAdminPages } from "./groups.admin.pages.js";
import { groupPages } from "./groups.pages.js";

/** Working groups and their membership. */
export const groups: Feature = {
  pages: [groupPages, groupAdminPages],
};
