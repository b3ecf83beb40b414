import type { Feature } from "../../http/feature.js";
import { mailPages } from "./mail.pages.js";

/** The mail queue, for the secretariat. */
export const mail: Feature = {
  pages: [mailPages],
};
