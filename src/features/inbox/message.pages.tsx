import { Hono } from "hono";
import type { Person } from "../../http/actor.js";
import type { AppContext, AppEnv } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { notFound } from "../../http/errors.js";
import { handleForm, str } from "../../http/forms.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { Notice, PageHeader } from "../../web/components.js";
import { listGroups } from "../groups/groups.queries.js";
import { serveStoredFile } from "../publications/publications.download.export.js";
import { recordReceipt, replyToSecretariat, setInterest } from "./agency.service.js";
import { forwardToAgencies, memberAgencies } from "./forward.service.js";
import { canAnswerForAgency, canManageInbox, canReadInput } from "./inbox.policy.js";
import { findInput, findInputByReference, type InputRecord } from "./inbox.queries.js";
import { answerSender, askSender, classifyMessage, declineMessage, mergeMessage } from "./triage.service.js";
import { AgencyForms } from "./views/agency-forms.js";
import { AgencyStandings, MessageView, NoteList } from "./views/message-view.js";
import { TriageForms } from "./views/triage-forms.js";

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
        <>
          <p class="breadcrumb">
            <a href="/private/inbox">← Inbox</a>
          </p>
          <PageHeader eyebrow={m.reference ?? ""} title={m.subject} />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          {errors && Object.keys(errors).length ? (
            <div class="error-summary" role="alert" tabindex={-1}>
              <h2>{message ?? "Please correct the highlighted fields."}</h2>
              <ul>
                {Object.entries(errors).map(([f, text]) => (
                  <li>{f === "_form" ? text : <a href={`#f-${f}`}>{text}</a>}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {m.mergedIntoId ? (
            <p class="callout">
              Merged into <a href={`/private/inbox/${m.mergedIntoId}`}>another message</a>.
            </p>
          ) : null}
          <MessageView m={m} />
          <NoteList
            notes={notes}
            title={manage ? "Notes and replies" : "Additions and your agency's replies"}
          />
          {manage ? <AgencyStandings m={m} /> : null}
          {manage ? (
            <TriageForms
              m={m}
              csrf={c.var.csrfToken()}
              agencies={agencies}
              groups={groups.map((g) => ({ value: g.slug, label: g.name }))}
              values={values}
              errors={errors}
            />
          ) : d ? (
            <AgencyForms
              m={m}
              d={d}
              csrf={c.var.csrfToken()}
              speaks={canAnswerForAgency(actor, d.organisationId)}
              values={values}
              errors={errors}
            />
          ) : null}
        </>
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
function step(
  app: Hono<AppEnv>,
  path: string,
  run: Step,
  done: (body: Record<string, string | string[]>) => string,
  field?: string,
) {
  app.post(`/private/inbox/:id{[0-9]+}/${path}`, async (c) => {
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
  });
}

/** One message: the secretariat's triage and the agency's view, with their actions and files. */
export function messagePages() {
  const app = new Hono<AppEnv>();

  app.get("/private/inbox/:id{[0-9]+}", async (c) => {
    const { actor, m } = await loadReadable(c);
    return messagePage(c, actor, m);
  });

  app.get("/private/inbox/:id{[0-9]+}/files/:file{[0-9]+}", async (c) => {
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
  });

  step(app, "forwarding", forwardToAgencies, () => "forwarded");
  step(app, "answer", answerSender, () => "answered", "answer");
  step(app, "question", askSender, () => "asked", "question");
  step(app, "closure", declineMessage, () => "closed");
  step(app, "tags", classifyMessage, () => "tagged");
  step(app, "merge", mergeMessage, () => "merged");
  step(
    app,
    "receipt",
    (deps, actor, id, body) => recordReceipt(deps, actor, id, body.step === "read" ? "read" : "acknowledge"),
    (b) => (str(b.step) === "read" ? "read" : "acknowledge"),
  );
  step(app, "interest", setInterest, () => "interest");
  step(app, "replies", replyToSecretariat, () => "replied", "reply");

  app.get("/private/inbox/:id{[0-9]+}/merge", async (c) => {
    const { actor, m } = await loadReadable(c);
    authorize(canManageInbox(actor), "Only the secretariat merges messages.");
    const into = (c.req.query("into") ?? "").trim().toUpperCase();
    const target = /^IN-\d{4}-\d{4,}$/.test(into)
      ? await findInputByReference(c.var.deps.db, into)
      : undefined;
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
      body: () => (
        <>
          <PageHeader
            title={`Merge ${m.reference} into ${target.reference}?`}
            lead={`“${m.subject}” is marked as a duplicate of “${target.subject}” and closed; it stays in the register, pointing to ${target.reference}, and nothing is deleted.`}
          />
          <form method="post" action={`/private/inbox/${m.id}/merge`} class="form">
            <input type="hidden" name="_csrf" value={c.var.csrfToken()} />
            <input type="hidden" name="into" value={target.reference ?? ""} />
            <p class="form-actions">
              <button class="button button-danger" type="submit">
                Merge
              </button>
              <a href={`/private/inbox/${m.id}`}>Keep it apart</a>
            </p>
          </form>
        </>
      ),
    });
  });

  return app;
}
