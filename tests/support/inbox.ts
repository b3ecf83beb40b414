import { eq } from "drizzle-orm";
import { inboxMessages, outbox } from "../../src/db/schema/index.js";
import type { Deps } from "../../src/deps.js";
import { confirmInput, submitInput } from "../../src/features/inbox/contact.service.js";
import { startedToken } from "../../src/features/inbox/inbox.tokens.service.js";
import { visitor } from "../../src/http/actor.js";

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** The fields of a good message from the contact form. */
export const goodInput = (over: Record<string, string> = {}) => ({
  name: "Ada Researcher",
  email: "ada.researcher@example.edu",
  organisation: "Example University",
  kind: "university",
  country: "Portugal",
  topic: "Technology",
  subject: "Regolith handling results",
  message: "We tested **regolith** handling and would like to share the results.",
  consent: "on",
  ...over,
});

/** A form token that says the form was shown long enough ago for a person to fill it in. */
export const startedLongAgo = (deps: Deps) =>
  startedToken(deps.config.sessionSecret, new Date(deps.now().getTime() - 60_000));

/**
 * Posts the contact form as a browser does (multipart, with the CSRF field and cookie of `client`).
 * `files` are attached as `attachments`.
 */
export function postContact(
  app: App,
  client: { csrf: string; cookie: string },
  fields: Record<string, string>,
  files: Array<{ name: string; type?: string; bytes: Uint8Array }> = [],
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.append("_csrf", client.csrf);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files)
    form.append(
      "attachments",
      new File([new Uint8Array(f.bytes)], f.name, { type: f.type ?? "application/pdf" }),
    );
  return app.request("/contact", {
    method: "POST",
    headers: { cookie: client.cookie, ...headers },
    body: form,
  });
}

/** The confirmation token mailed to a sender, read back from the outbox. */
export async function mailedConfirmToken(deps: Deps, messageId: number): Promise<string> {
  const [mail] = await deps.db
    .select()
    .from(outbox)
    .where(eq(outbox.dedupeKey, `inbox-confirm:${messageId}`));
  const token = /confirm\?token=([A-Za-z0-9_-]+)/.exec(mail?.textBody ?? "")?.[1];
  if (!token) throw new Error("no confirmation mail");
  return token;
}

/** A confirmed message, sent and confirmed through the use cases; its id and reference. */
export async function makeConfirmedInput(deps: Deps, over: Record<string, string> = {}) {
  const id = await submitInput(deps, visitor, goodInput(over), {
    files: [],
    honeypot: "",
    started: startedLongAgo(deps),
    client: `test-${Math.random()}`,
  });
  await confirmInput(deps, visitor, await mailedConfirmToken(deps, id));
  const [row] = await deps.db.select().from(inboxMessages).where(eq(inboxMessages.id, id));
  return { id, reference: row!.reference! };
}

/**
 * For the access matrix: a confirmed message with a PDF, forwarded to ESA only (the matrix's own
 * agency), and a second confirmed message to merge it into.
 */
export async function makeMatrixInput(deps: Deps) {
  const { forwardToAgencies } = await import("../../src/features/inbox/forward.service.js");
  const { inboxAttachments } = await import("../../src/db/schema/index.js");
  const id = await submitInput(deps, visitor, goodInput({ email: "matrix@example.edu" }), {
    files: [
      { name: "matrix.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%%EOF\n") },
    ],
    honeypot: "",
    started: startedLongAgo(deps),
    client: "matrix",
  });
  await confirmInput(deps, visitor, await mailedConfirmToken(deps, id));
  const secretariat = {
    kind: "person" as const,
    id: 0,
    name: "Matrix",
    email: "m@example.org",
    organisationId: null,
    organisationAcronym: null,
    roles: ["secretariat" as const],
  };
  await forwardToAgencies(deps, secretariat, id, { agencies: ["ESA"], reason: "Matrix" });
  const [file] = await deps.db.select().from(inboxAttachments).where(eq(inboxAttachments.messageId, id));
  const [row] = await deps.db.select().from(inboxMessages).where(eq(inboxMessages.id, id));
  const other = await makeConfirmedInput(deps, { email: "matrix2@example.edu" });
  return { id: String(id), reference: row!.reference!, file: String(file!.id), other: other.reference };
}
