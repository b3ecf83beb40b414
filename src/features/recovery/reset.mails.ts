import type { Config } from "../../config.js";
import type { MailMessage } from "../mail/mail.outbox.service.js";

/** The mail with a password reset link. */
export function resetMail(
  config: Pick<Config, "baseUrl">,
  person: { name: string; email: string },
  token: string,
): MailMessage {
  const url = `${config.baseUrl.replace(/\/$/, "")}/reset/${token}`;
  return {
    kind: "account.reset",
    to: person.email,
    subject: "Reset your password",
    text: [
      `Hello ${person.name},`,
      "",
      "Someone (we hope you) asked to reset the password of your account. Choose a new one here:",
      url,
      "",
      "The link works once, for one hour. If you did not ask for it, ignore this mail: your password stays as it is.",
    ].join("\n"),
  };
}
