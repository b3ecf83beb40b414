import type { Feature } from "../../http/feature.js";
import { chairAdminPages } from "./chairs.pages.js";
import { registerDirectoryApi } from "./directory.api.js";
import { memberPages } from "./members.pages.js";
import { organisationAdminPages } from "./organisations.pages.js";
import { peopleAdminPages } from "./people.pages.js";
import { privacyPages } from "./privacy.pages.js";

/** Members and people: agencies' public pages, organisations, people, chairs and personal data. */
export const directory: Feature = {
  pages: [memberPages, organisationAdminPages, peopleAdminPages, privacyPages, chairAdminPages],
  api: [registerDirectoryApi],
};
