import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer/index.js";
import type { Config } from "../../config.js";
import type { outbox } from "../../db/schema/index.js";

/** One stored outbox row. */
export type OutboxRow = typeof outbox.$inferSelect;

/** Delivers one message or throws; the worker handles retries. */
export type MailTransport = {
  kind: "smtp" | "file";
  send(message: OutboxRow): Promise<void>;
  close(): void;
};

/** The sender address: the operator's choice, or no-reply at the site's own host name. */
export function senderFor(config: Pick<Config, "baseUrl" | "mailFrom">): string {
  return config.mailFrom ?? `no-reply@${new URL(config.baseUrl).hostname}`;
}

/** Where the .eml files go when there is no SMTP server. */
export const outboxDir = (config: Pick<Config, "dataDir">) => join(config.dataDir, "outbox");

/** The .eml file name of an outbox message. */
export const emlFileName = (id: number) => `${String(id).padStart(8, "0")}.eml`;

function toMail(config: Pick<Config, "baseUrl" | "mailFrom">, m: OutboxRow): Mail.Options {
  return {
    from: senderFor(config),
    to: m.toAddress,
    subject: m.subject,
    text: m.textBody,
    html: m.htmlBody ?? undefined,
    headers: m.headers,
    // The same id on every attempt lets receivers drop a copy delivered twice after a timeout.
    messageId: `<outbox-${m.id}@${new URL(config.baseUrl).hostname}>`,
  };
}

// Loaded for the first message, not at start: nodemailer alone takes a twentieth of a second to load.
const mailer = async () => (await import("nodemailer")).default;

/** Delivers over SMTP (`smtp://` or `smtps://` URL) with short timeouts, so a dead server fails fast. */
export function smtpTransport(config: Pick<Config, "baseUrl" | "mailFrom">, url: string): MailTransport {
  let transport: Transporter | undefined;
  return {
    kind: "smtp",
    async send(m) {
      transport ??= (await mailer()).createTransport(url, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      } as never);
      await transport.sendMail(toMail(config, m));
    },
    close: () => transport?.close(),
  };
}

/** Writes each message as an .eml file under DATA_DIR/outbox (development and tests without SMTP). */
export function fileTransport(config: Pick<Config, "baseUrl" | "dataDir" | "mailFrom">): MailTransport {
  let builder: Transporter | undefined;
  const dir = outboxDir(config);
  return {
    kind: "file",
    async send(m) {
      builder ??= (await mailer()).createTransport({
        streamTransport: true,
        buffer: true,
        newline: "windows",
      });
      const info = await builder.sendMail(toMail(config, m));
      await mkdir(dir, { recursive: true });
      // Written under a temporary name and renamed, so a reader never sees half a file.
      const file = join(dir, emlFileName(m.id));
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
    },
    close: () => builder?.close(),
  };
}

/** SMTP when `SMTP_URL` is set, otherwise .eml files in the data directory. */
export function transportFor(config: Config): MailTransport {
  return config.smtpUrl ? smtpTransport(config, config.smtpUrl) : fileTransport(config);
}
