import type { Feature } from "../../http/feature.js";
import { faqPages } from "./faq.pages.js";

/** Frequently asked questions and their editing. */
export const faq: Feature = {
  pages: [faqPages],
};
