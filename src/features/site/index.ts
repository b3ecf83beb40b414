import type { Feature } from "../../http/feature.js";
import { accessibilityPages } from "./accessibility.pages.js";
import { discoveryPages } from "./discovery.pages.js";
import { logoPages } from "./logo.pages.js";
import { privateHomePages } from "./private.pages.js";
import { settingsPages } from "./settings.pages.js";
import { sitePages } from "./site.pages.js";
import { siteTextsPages } from "./texts.pages.js";

/** The forum's own pages: home, about, contact details, the private home, settings, site texts, logo, accessibility and discovery files. */
export const site: Feature = {
  pages: [
    sitePages,
    privateHomePages,
    settingsPages,
    siteTextsPages,
    logoPages,
    accessibilityPages,
    discoveryPages,
  ],
};
