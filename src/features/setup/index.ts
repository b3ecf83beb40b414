import type { Feature } from "../../http/feature.js";
import { setupPages } from "./setup.pages.js";

/** The first secretariat account on an empty platform. */
export const setup: Feature = {
  pages: [setupPages],
};
