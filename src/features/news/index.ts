import type { Feature } from "../../http/feature.js";
import { feedPages } from "./feeds.pages.js";
import { newsActionPages } from "./news.actions.pages.js";
import { newsAdminPages } from "./news.admin.pages.js";
import { registerNewsApi } from "./news.api.js";
import { newsPages } from "./news.pages.js";

/** News: articles, their editing and history, and the feeds. */
export const news: Feature = {
  pages: [newsPages, newsAdminPages, newsActionPages, feedPages],
  api: [registerNewsApi],
};
