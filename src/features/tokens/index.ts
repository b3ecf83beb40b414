import type { Feature } from "../../http/feature.js";
import { tokenPages } from "./tokens.pages.js";

/** Personal API tokens and calendar feed addresses. */
export const tokens: Feature = {
  pages: [tokenPages],
};
