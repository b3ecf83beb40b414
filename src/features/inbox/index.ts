import type { Feature } from "../../http/feature.js";
import { contactPages } from "./contact.pages.js";
import { registerInboxApi } from "./inbox.api.js";
import { inboxPages } from "./inbox.pages.js";
import { messagePages } from "./message.pages.js";

/** Public input: the contact form, confirmations, and the agencies' inbox. */
export const inbox: Feature = {
  pages: [contactPages, inboxPages, messagePages],
  api: [registerInboxApi],
};
