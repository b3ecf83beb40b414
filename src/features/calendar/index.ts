import type { Feature } from "../../http/feature.js";
import { calendarPages } from "./calendar.pages.js";

/** Calendar feeds of meetings and deadlines. */
export const calendar: Feature = {
  pages: [calendarPages],
};
