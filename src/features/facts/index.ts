import type { Feature } from "../../http/feature.js";
import { factPages } from "./facts.pages.js";

/** The dataset's facts with their sources and uncertainty, for the secretariat. */
export const facts: Feature = {
  pages: [factPages],
};
