import type { Feature } from "../../http/feature.js";
import { registerSearchApi } from "./search.api.js";
import { searchPages } from "./search.pages.js";

/** Search over public (and, signed in, private) content. */
export const search: Feature = {
  pages: [searchPages],
  api: [registerSearchApi],
};
