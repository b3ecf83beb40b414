import type { Feature } from "../../http/feature.js";
import { publicationAdminPages } from "./publications.admin.pages.js";
import { registerPublicationsApi } from "./publications.api.js";
import { publicationFeedPages } from "./publications.feeds.pages.js";
import { publicationPages } from "./publications.pages.js";

/** The publication library, its uploads and feeds. */
export const publications: Feature = {
  pages: [publicationFeedPages, publicationPages, publicationAdminPages],
  api: [registerPublicationsApi],
};
