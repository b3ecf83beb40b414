import type { Feature } from "../../http/feature.js";
import { contentPages } from "./pages.pages.js";

/** Content pages the secretariat writes, with their history. */
export const pages: Feature = {
  pages: [contentPages],
};
