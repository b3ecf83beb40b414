import type { Feature } from "../../http/feature.js";
import { subscriptionPages } from "./subscriptions.pages.js";

/** News by mail: subscribing, confirming and leaving. */
export const subscriptions: Feature = {
  pages: [subscriptionPages],
};
