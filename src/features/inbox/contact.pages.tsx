import type { AppContext } from "../../http/env.js";
import { toAppError } from "../../http/error-pages.js";
import { AppError, type FieldErrors } from "../../http/errors.js";
import { formBody, handleForm, parseForm, str } from "../../http/forms.js";
import {
  isUnstorable,
  UNSTORABLE_FIELD,
  UNSTORABLE_MESSAGE,
  withoutUnstorable,
} from "../../http/input-guard.js";
import { clientAddress } from "../../http/middleware.js";
import { renderMessage, renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import type { UploadedFile } from "../../kit/uploads.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import {
  appendSenderInformation,
  confirmInput,
  findByConfirmToken,
  findByStatusToken,
  submitInput,
  withdrawInput,
} from "./contact.service.js";
import { statusPage } from "./contact.status.pages.js";
import { readInboxSettings } from "./inbox.settings.service.js";
import { startedToken, statusToken } from "./inbox.tokens.service.js";
import type { ContactValues } from "./views/contact-form.js";
import { ConfirmMessage, ContactPage } from "./views/contact-page.js";

const notices: Record<string, string> = {
  sent: "Thank you. We sent a link to the address you gave: follow it within 7 days to confirm, and your message reaches the secretariat. Nothing is passed on until you do.",
};

/** Reads the multipart form: text fields (unstorable characters named) and the attached files. */
async function readContactForm(c: AppContext) {
  const body = await parseForm(c, { all: true });
  const values: Record<string, string> = {};
  const files: UploadedFile[] = [];
  let problems: FieldErrors | undefined;
  for (const [k, v] of Object.entries(body)) {
    if (k === "_csrf" || isUnstorable(k)) continue;
    for (const x of [v].flat()) {
      if (typeof x === "string") {
        if (isUnstorable(x)) problems = { ...problems, [k]: UNSTORABLE_FIELD };
        values[k] = withoutUnstorable(x);
      } else if (k === "attachments" && x.size > 0) {
        files.push({ name: x.name, type: x.type, bytes: new Uint8Array(await x.arrayBuffer()) });
      }
    }
  }
  return { values, files, problems };
}

async function contactPage(
  c: AppContext,
  values: ContactValues = {},
  errors?: FieldErrors,
  message?: string,
) {
  const { topics } = await readInboxSettings(c.var.deps);
  const started = startedToken(c.var.deps.config.sessionSecret, c.var.deps.now());
  return renderPage(
    c,
    {
      title: "Write to the secretariat",
      description: "Academia, industry and the public can send information, input or feedback to the forum.",
      body: () => (
        <ContactPage
          csrf={c.var.csrfToken()}
          notice={notices[c.req.query("done") ?? ""]}
          {...{ started, topics, values, errors, message }}
        />
      ),
    },
    errors ? 422 : 200,
  );
}

/** A short public page with one message, e.g. for an expired link. */
const messagePage = (c: AppContext, title: string, text: string, status: 200 | 404 = 200) =>
  renderMessage(c, { title, text, back: { href: "/", label: "Back to the home page" } }, status);

const badLink = (c: AppContext) =>
  messagePage(
    c,
    "This link does not work",
    "The link is not valid or has expired. Unconfirmed messages are deleted after 7 days; you can write again from the contact page.",
    404,
  );

/** Pages reached by a personal link are never shared through the page cache. */
const noStore = (c: AppContext) => c.header("Cache-Control", "private, no-store");

async function submitContactForm(c: AppContext) {
  const { values, files, problems } = await readContactForm(c);
  try {
    if (problems) throw new AppError("validation_failed", UNSTORABLE_MESSAGE, problems);
    await submitInput(c.var.deps, c.var.actor, values, {
      files,
      honeypot: values.website ?? "",
      started: values.started ?? "",
      client: clientAddress(c),
    });
    return c.redirect("/contact?done=sent", 303);
  } catch (err) {
    const e = toAppError(err, c);
    if (e.code !== "validation_failed") throw e;
    return contactPage(c, values, e.fields ?? {}, e.message);
  }
}

async function confirmationLink(c: AppContext) {
  noStore(c);
  const token = c.req.query("token");
  if (!(await findByConfirmToken(c.var.deps.db, token, c.var.deps.now()))) return badLink(c);
  return renderPage(c, {
    title: "Confirm your message",
    body: () => <ConfirmMessage csrf={c.var.csrfToken()} token={token} />,
  });
}

async function confirm(c: AppContext) {
  const body = await formBody(c);
  const id = await confirmInput(c.var.deps, c.var.actor, str(body.token));
  if (id === null) return badLink(c);
  const token = statusToken(c.var.deps.config.sessionSecret, id);
  return c.redirect(`/contact/status?token=${token}&done=confirmed`, 303);
}

async function senderStatus(c: AppContext) {
  noStore(c);
  const token = c.req.query("token") ?? "";
  const m = await findByStatusToken(c.var.deps, token);
  if (!m) return badLink(c);
  return statusPage(c, m, token);
}

async function submitSenderAddition(c: AppContext) {
  const token = c.req.query("token") ?? "";
  return handleForm(
    c,
    async (body) => {
      await appendSenderInformation(c.var.deps, c.var.actor, token, body);
      return `/contact/status?token=${encodeURIComponent(token)}&done=added`;
    },
    async (body, errors, message) => {
      const m = await findByStatusToken(c.var.deps, token);
      if (!m) return badLink(c);
      return statusPage(c, m, token, { text: str(body.text) }, errors, message);
    },
  );
}

async function confirmWithdrawal(c: AppContext) {
  noStore(c);
  const token = c.req.query("token") ?? "";
  const m = await findByStatusToken(c.var.deps, token);
  if (!m) return badLink(c);
  if (m.status === "withdrawn")
    return messagePage(c, "Your message is withdrawn", "Your personal details and files were removed.");
  return renderPage(c, {
    title: "Withdraw your message?",
    body: () => (
      <div class="wrap narrow">
        <PageHeader
          title={`Withdraw your message ${m.reference}?`}
          lead="Your name, e-mail address, organisation, country, your text and your files are deleted for good. Agencies it was forwarded to no longer see them. This cannot be undone."
        />
        <ConfirmForm
          action={`/contact/withdraw?token=${encodeURIComponent(token)}`}
          csrf={c.var.csrfToken()}
          button="Withdraw and delete my details"
          back={`/contact/status?token=${encodeURIComponent(token)}`}
        />
      </div>
    ),
  });
}

async function withdraw(c: AppContext) {
  const ok = await withdrawInput(c.var.deps, c.var.actor, c.req.query("token"));
  if (!ok) return badLink(c);
  return messagePage(
    c,
    "Your message is withdrawn",
    "Your personal details, your text and your files were removed. Thank you for writing to us.",
  );
}

/** /contact: the form, the confirmation link, the sender's status page, and withdrawal. */
export const contactPages = pageGroup([
  ["GET", "/contact", (c) => contactPage(c)],
  ["POST", "/contact", submitContactForm],
  ["GET", "/contact/confirm", confirmationLink],
  ["POST", "/contact/confirm", confirm],
  ["GET", "/contact/status", senderStatus],
  ["POST", "/contact/status", submitSenderAddition],
  ["GET", "/contact/withdraw", confirmWithdrawal],
  ["POST", "/contact/withdraw", withdraw],
]);
