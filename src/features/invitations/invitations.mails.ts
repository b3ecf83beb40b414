import type { Config } from "../../config.js";
import type { MailMessage } from "../mail/mail.outbox.service.js";

/** The invitation mail with its single-use link. */
export function invitationMail(
  config: Pick<Config, "baseUrl">,
  invitee: { name: string; email: string },
  from: { name: string; forum: string },
  token: string,
): MailMessage {
  const url = `${config.baseUrl.replace(/\/$/, "")}/invitation/${token}`;
  return {
    kind: "account.invitation",
    to: invitee.email,
    subject: `You are invited to the ${from.forum} private area`,
    text: [
      `Hello ${invitee.name},`,
      "",
      `${from.name} invited you to the private area of ${from.forum}. Choose your password here:`,
      url,
      "",
      "The link works once, for 7 days. If you did not expect it, ignore this mail.",
    ].join("\n"),
  };
}
