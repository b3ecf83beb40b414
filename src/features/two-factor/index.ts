import type { Feature } from "../../http/feature.js";
import { passkeyPages } from "./passkeys.pages.js";
import { twoFactorAdminPages } from "./requirement.pages.js";
import { secondStepPages } from "./second-step.pages.js";
import { twoFactorPages } from "./two-factor.pages.js";

/** Second factors: authenticator apps, recovery codes, passkeys, the second step and who must have one. */
export const twoFactor: Feature = {
  pages: [secondStepPages, passkeyPages, twoFactorPages, twoFactorAdminPages],
};
