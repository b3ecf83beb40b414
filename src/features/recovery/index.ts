import type { Feature } from "../../http/feature.js";
import { resetPages } from "./reset.pages.js";

/** Resetting a forgotten password by mail. */
export const recovery: Feature = {
  pages: [resetPages],
};
