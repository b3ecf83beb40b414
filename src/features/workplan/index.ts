import type { Feature } from "../../http/feature.js";
import { registerWorkplanApi } from "./workplan.api.js";
import { workplanPages } from "./workplan.pages.js";

/** The yearly workplan. */
export const workplan: Feature = {
  pages: [workplanPages],
  api: [registerWorkplanApi],
};
