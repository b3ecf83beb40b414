import type { Feature } from "../../http/feature.js";
import { actionAdminPages } from "./actions.admin.pages.js";
import { registerActionsApi } from "./actions.api.js";
import { actionPages } from "./actions.pages.js";

/** The action register. */
export const actions: Feature = {
  pages: [actionPages, actionAdminPages],
  api: [registerActionsApi],
};
