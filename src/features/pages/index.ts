import type { Feature } from "../../http/feature.js";
import { contentPages, pageEditorPages } from "./pages.pages.js";
import { pageRestorePages } from "./pages.restore.pages.js";

/** Content pages the secretariat writes, with their history. */
export const pages: Feature = {
  pages: [contentPages, pageRestorePages, pageEditorPages],
};
