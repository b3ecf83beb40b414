import type { Feature } from "../../http/feature.js";
import { registerAnalysisApi } from "./analysis.api.js";
import { analysisPages } from "./analysis.pages.js";
import { assessmentPages } from "./assessments.pages.js";
import { capabilityPages } from "./capabilities.pages.js";
import { ctlPages } from "./ctl.pages.js";
import { heatMapPages } from "./heatmap.pages.js";
import { needPages } from "./needs.pages.js";
import { registerTechnologyApi } from "./technology.api.js";
import { technologyDataPages } from "./technology.import.pages.js";
import { technologyPublicPages } from "./technology.public.pages.js";
import { publicDetailPages } from "./technology.public.settings.pages.js";

/** Technology: capabilities, needs, gap analysis, assessments, the heat map and imports. */
export const technology: Feature = {
  // Analysis first: "gaps" and "assessments" under /private/technology/ are not technology codes.
  pages: [
    analysisPages,
    heatMapPages,
    assessmentPages,
    technologyPublicPages,
    publicDetailPages,
    technologyDataPages,
    capabilityPages,
    needPages,
    ctlPages,
  ],
  api: [registerTechnologyApi, registerAnalysisApi],
};
