import type { Feature } from "../../http/feature.js";
import { missionImportPages } from "./import/mission-import.pages.js";
import { missionHistoryPages } from "./missions.history.pages.js";
import { missionAdminPages } from "./missions.pages.js";
import { missionProposalPages } from "./missions.proposals.pages.js";
import { registerRoadmapApi } from "./roadmap.api.js";
import { roadmapPages } from "./roadmap.pages.js";

/** The roadmap: missions, their history, imports and the charts. */
export const roadmap: Feature = {
  pages: [roadmapPages, missionImportPages, missionHistoryPages, missionAdminPages, missionProposalPages],
  api: [registerRoadmapApi],
};
