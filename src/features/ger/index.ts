import type { Feature } from "../../http/feature.js";
import { editionAdminPages } from "./editions.admin.pages.js";
import { editionPages } from "./editions.pages.js";
import { frameworkPages } from "./framework.pages.js";
import { registerGerApi } from "./ger.api.js";
import { sciencePages } from "./science.pages.js";
import { volatilesPages } from "./volatiles.pages.js";

/** The Global Exploration Roadmap's editions, framework, science and lunar volatiles pages. */
export const ger: Feature = {
  pages: [frameworkPages, sciencePages, editionPages, editionAdminPages, volatilesPages],
  api: [registerGerApi],
};
