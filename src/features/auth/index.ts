import type { Feature } from "../../http/feature.js";
import { accountPages } from "./account.pages.js";
import { authPages } from "./auth.pages.js";
import { devicePages } from "./devices.pages.js";

/** Signing in and out, one's own account, and the devices signed in. */
export const auth: Feature = {
  pages: [authPages, accountPages, devicePages],
};
