import type { Person } from "../../http/actor.js";
import type { AppContext } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { notFound } from "../../http/errors.js";
import { handleForm, str } from "../../http/forms.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { listGroups } from "../groups/groups.queries.js";
import { serveStoredFile } from "../publications/publications.download.export.js";
import { recordReceipt, replyToSecretariat, setInterest } from "./agency.service.js";
import { forwardToAgencies, memberAgencies } from "./forward.service.js";
import { canAnswerForAgency, canManageInbox, canReadInput } from "./inbox.policy.js";
import { findInput, findInputByReference, type InputRecord } from "./inbox.queries.js";
import { answerSender, askSender, classifyMessage, declineMessage, mergeMessage } from "./triage.service.js";
import { MergeConfirmation, MessagePage } from "./views/message-page.js";

const notices: Record<string, string> = {
  forwarded: "The message was forwarded; each agency's focal points were told by e-mail.",
  answered: "The answer was sent to the sender.",
  asked: "Your question was sent to the sender.",
  closed: "The message was closed.",
  merged: "The message was merged.",
  tagged: "Tags and working group were saved.",
  read: "Marked as read.",
  acknowledge: "Acknowledged. The secretariat sees it.",
  interest: "Your agency's interest was recorded.",
  replied: "Your reply was sent to the secretariat.",
};

/** The message, if this person may read it: the secretariat, or a person of an agency it went to. */
async function loadReadable(c: AppContext): Promise<{ actor: Person; m: InputRecord }> {
  const actor = requirePerson(c);
  const m = await findInput(c.var.deps.db, idParam(c.req.param("id")));
  if (!m || m.status === "unconfirmed") throw notFound("The message");
  authorize(
    canReadInput(
      actor,
      m.deliveries.map((d) => d.organisationId),
    ),
    "This message was not forwarded to your agency.",
  );
  return { actor, m };
}

async function messagePage(
  c: AppContext,
  actor: Person,
  m: InputRecord,
  values: Record<string, string | string[]> = {},
  errors?: FieldErrors,
  message?: string,
) {
  const manage = canManageInbox(actor);
  const db = c.var.deps.db;
  const [agencies, groups] = manage
    ? await Promise.all([memberAgencies(db, c.var.deps.now().toISOString().slice(0, 10)), listGroups(db)])
    : [[], []];
  const d = m.deliveries.find((x) => x.organisationId === actor.organisationId);
  // An agency sees the sender's additions and its own replies, never another agency's.
  const notes = manage
    ? m.notes
    : m.notes.filter(
        (n) =>
          n.kind === "sender_addition" ||
          (n.kind === "agency_reply" && n.organisationId === actor.organisationId),
      );
  return renderPrivate(
    c,
    {
      title: `${m.reference}: ${m.subject}`,
      body: () => (
        <MessagePage
          {...{ m, manage, notes, agencies, d, values, errors, message }}
          notice={notices[c.req.query("done") ?? ""]}
          csrf={c.var.csrfToken()}
          groups={groups.map((g) => ({ value: g.slug, label: g.name }))}
          speaks={d ? canAnswerForAgency(actor, d.organisationId) : false}
        />
      ),
    },
    errors ? 422 : 200,
  );
}

type Step = (
  deps: AppContext["var"]["deps"],
  actor: Person,
  id: number,
  body: Record<string, unknown>,
) => Promise<unknown>;

/** A form post on a message: run the step, come back to the message, or show it again with messages. */
function step(run: Step, done: (body: Record<string, string | string[]>) => string, field?: string) {
  return async (c: AppContext) => {
    const { actor, m } = await loadReadable(c);
    return handleForm(
      c,
      async (body) => {
        await run(c.var.deps, actor, m.id, field ? { ...body, text: str(body[field]) } : body);
        return `/private/inbox/${m.id}?done=${done(body)}`;
      },
      async (body, errors, message) => {
        const named = field && errors.text ? { ...errors, [field]: errors.text, text: undefined } : errors;
        const clean = Object.fromEntries(
          Object.entries(named).filter(([, v]) => v !== undefined),
        ) as FieldErrors;
        return messagePage(c, actor, (await findInput(c.var.deps.db, m.id))!, body, clean, message);
      },
    );
  };
}

async function showMessage(c: AppContext) {
  const { actor, m } = await loadReadable(c);
  return messagePage(c, actor, m);
}

async function downloadAttachment(c: AppContext) {
  const { m } = await loadReadable(c);
  const file = m.attachments.find((a) => a.id === idParam(c.req.param("file")));
  if (!file) throw notFound("The file");
  return serveStoredFile(
    c,
    { sha256: file.sha256, name: file.name, type: "application/pdf" },
    {
      disposition: "attachment",
      cacheControl: "private, no-store",
    },
  );
}

const forward = step(forwardToAgencies, () => "forwarded");
const answer = step(answerSender, () => "answered", "answer");
const ask = step(askSender, () => "asked", "question");
const close = step(declineMessage, () => "closed");
const tag = step(classifyMessage, () => "tagged");
const merge = step(mergeMessage, () => "merged");
const recordAgencyReceipt = step(
  (deps, actor, id, body) => recordReceipt(deps, actor, id, body.step === "read" ? "read" : "acknowledge"),
  (b) => (str(b.step) === "read" ? "read" : "acknowledge"),
);
const recordInterest = step(setInterest, () => "interest");
const reply = step(replyToSecretariat, () => "replied", "reply");

/** Before merging: the message named in `?into=` must be another confirmed one, else the page says so. */
async function confirmMerge(c: AppContext) {
  const { actor, m } = await loadReadable(c);
  authorize(canManageInbox(actor), "Only the secretariat merges messages.");
  const into = (c.req.query("into") ?? "").trim().toUpperCase();
  const target = /^IN-\d{4}-\d{4,}$/.test(into) ? await findInputByReference(c.var.deps.db, into) : undefined;
  if (!target || target.id === m.id || target.status === "unconfirmed")
    return messagePage(
      c,
      actor,
      m,
      { into },
      { into: `There is no other message ${into || "with this reference"}.` },
      "Please correct the highlighted fields.",
    );
  return renderPrivate(c, {
    title: `Merge ${m.reference} into ${target.reference}?`,
    body: () => <MergeConfirmation m={m} target={target} csrf={c.var.csrfToken()} />,
  });
}

/** One message: the secretariat's triage and the agency's view, with their actions and files. */
export const messagePages = pageGroup([
  ["GET", "/private/inbox/:id{[0-9]+}", showMessage],
  ["GET", "/private/inbox/:id{[0-9]+}/files/:file{[0-9]+}", downloadAttachment],
  ["POST", "/private/inbox/:id{[0-9]+}/forwarding", forward],
  ["POST", "/private/inbox/:id{[0-9]+}/answer", answer],
  ["POST", "/private/inbox/:id{[0-9]+}/question", ask],
  ["POST", "/private/inbox/:id{[0-9]+}/closure", close],
  ["POST", "/private/inbox/:id{[0-9]+}/tags", tag],
  ["POST", "/private/inbox/:id{[0-9]+}/merge", merge],
  ["POST", "/private/inbox/:id{[0-9]+}/receipt", recordAgencyReceipt],
  ["POST", "/private/inbox/:id{[0-9]+}/interest", recordInterest],
  ["POST", "/private/inbox/:id{[0-9]+}/replies", reply],
  ["GET", "/private/inbox/:id{[0-9]+}/merge", confirmMerge],
]);
