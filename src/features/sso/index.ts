import type { Feature } from "../../http/feature.js";
import { ssoPages } from "./sso.pages.js";
import { ssoSettingsPages } from "./sso.settings.pages.js";

/** Single sign-on with an agency's OpenID provider, and its settings per organisation. */
export const sso: Feature = {
  pages: [ssoPages, ssoSettingsPages],
};
