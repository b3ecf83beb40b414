import type { Feature } from "../../http/feature.js";
import { assessmentPages } from "./assessments/assessments.pages.js";
import { ctlPages } from "./ctl/ctl.pages.js";
import { ctlFormPages } from "./ctl/ctl-forms.pages.js";
import { registerAnalysisApi } from "./gaps/gaps.api.js";
import { analysisPages } from "./gaps/gaps.pages.js";
import { heatMapPages } from "./heat-map/heat-map.pages.js";
import { technologyDataPages } from "./import/import.pages.js";
import { technologyPublicPages } from "./public/public.pages.js";
import { publicDetailPages } from "./public/public-detail.pages.js";
import { capabilityPages } from "./records/capabilities.pages.js";
import { needPages } from "./records/needs.pages.js";
import { registerTechnologyApi } from "./technology.api.js";

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
    ctlFormPages,
  ],
  api: [registerTechnologyApi, registerAnalysisApi],
};
