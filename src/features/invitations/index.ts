import type { Feature } from "../../http/feature.js";
import { invitationPages } from "./invitations.pages.js";

/** Inviting people and accepting an invitation. */
export const invitations: Feature = {
  pages: [invitationPages],
};
