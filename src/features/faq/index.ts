import type { Feature } from "../../http/feature.js";
import { faqAdminPages } from "./faq.admin.pages.js";
import { faqPages } from "./faq.pages.js";

/** Frequently asked questions and their editing. */
export const faq: Feature = {
  pages: [faqPages, faqAdminPages],
};
