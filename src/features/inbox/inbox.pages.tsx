import { Hono } from "hono";
import type { AppContext, AppEnv } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { notFound } from "../../http/errors.js";
import { handleForm, str } from "../../http/forms.js";
import { authorize, pageParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import {
  CsrfField,
  EmptyState,
  ErrorSummary,
  Field,
  Notice,
  PageHeader,
  Pagination,
  TextArea,
} from "../../web/components.js";
import { inboxCsv } from "./inbox.export.js";
import { canManageInbox, canOpenInbox } from "./inbox.policy.js";
import { INBOX_PER_PAGE, listAgencyInput, listInput, readFilters, usedTopics } from "./inbox.queries.js";
import { readInboxSettings, updateInboxSettings } from "./inbox.settings.service.js";
import { AgencyTable, InboxFilterForm, TriageTable } from "./views/inbox-lists.js";

const notices: Record<string, string> = { settings: "The settings were saved." };

const hrefWith = (query: Record<string, string | undefined>, page: number) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v && k !== "page") q.set(k, v);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/private/inbox?${s}` : "/private/inbox";
};

async function settingsPage(
  c: AppContext,
  values?: Record<string, string>,
  errors?: FieldErrors,
  message?: string,
) {
  const s = await readInboxSettings(c.var.deps);
  const v = values ?? {
    topics: s.topics.join("\n"),
    retentionDays: String(s.retentionDays),
    reminderDays: String(s.reminderDays),
  };
  return renderPrivate(
    c,
    {
      title: "Public input settings",
      body: () => (
        <>
          <p class="breadcrumb">
            <a href="/private/inbox">← Inbox</a>
          </p>
          <PageHeader
            title="Public input settings"
            lead="The topics the contact form offers, and how long messages are kept."
          />
          <ErrorSummary errors={errors} message={message} />
          <form method="post" action="/private/inbox/settings" class="form" novalidate>
            <CsrfField token={c.var.csrfToken()} />
            <TextArea
              name="topics"
              label="Topics"
              required
              rows={6}
              value={v.topics}
              errors={errors}
              hint="One per line, in the order the form lists them."
            />
            <Field
              name="retentionDays"
              label="Keep personal data for (days)"
              inputmode="numeric"
              required
              value={v.retentionDays}
              errors={errors}
              hint="After this many days from confirmation, the sender's name, address, text and files are removed automatically."
            />
            <Field
              name="reminderDays"
              label="Remind agencies after (days)"
              inputmode="numeric"
              required
              value={v.reminderDays}
              errors={errors}
              hint="An agency that has not acknowledged a forwarded message by then is reminded once by e-mail."
            />
            <div class="form-actions">
              <button class="button" type="submit">
                Save settings
              </button>
            </div>
          </form>
        </>
      ),
    },
    errors ? 422 : 200,
  );
}

/** The inbox list (triage for the secretariat, the agency's inbox for members), settings and the CSV register. */
export function inboxPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/inbox", async (c) => {
    const actor = requirePerson(c);
    authorize(canOpenInbox(actor), "Your account belongs to no agency, so it has no inbox.");
    const db = c.var.deps.db;
    const query = c.req.query();
    const f = readFilters(query);
    const page = pageParam(query.page);
    const manage = canManageInbox(actor);
    const topics = await usedTopics(db);
    const { rows, total } = manage
      ? await listInput(db, f, page)
      : await listAgencyInput(db, actor.organisationId!, f, page);
    const pages = Math.max(1, Math.ceil(total / INBOX_PER_PAGE));
    if (page > pages) throw notFound("This page of the inbox");
    const filtered = Object.values(f).some(Boolean);
    return renderPrivate(c, {
      title: "Inbox",
      body: () => (
        <>
          <PageHeader
            title={manage ? "Inbox: public input" : `${actor.organisationAcronym}'s inbox`}
            lead={
              manage
                ? "Messages from academia, industry and the public, once their senders confirmed them. Triage each: forward it to the agencies, ask for more, or close it."
                : "Input from academia, industry and the public that the secretariat passed on to your agency for its consideration."
            }
            actions={
              manage ? (
                <>
                  <a
                    href={`/private/inbox.csv${c.req.url.includes("?") ? `?${new URL(c.req.url).searchParams}` : ""}`}
                  >
                    Download as CSV
                  </a>{" "}
                  <a href="/private/inbox/settings">Settings</a>
                </>
              ) : null
            }
          />
          <Notice text={notices[c.req.query("done") ?? ""]} />
          <InboxFilterForm f={f} topics={topics} />
          <p class="muted" role="status">
            {total === 1 ? "1 message" : `${total} messages`}.
          </p>
          {rows.length === 0 ? (
            <EmptyState title={filtered ? "No message matches these filters." : "No messages yet."}>
              {filtered ? (
                <a href="/private/inbox">Show every message</a>
              ) : manage ? (
                "Messages sent from /contact appear here once their senders confirm them."
              ) : (
                "The secretariat has not forwarded anything to your agency yet."
              )}
            </EmptyState>
          ) : manage ? (
            <TriageTable rows={rows} />
          ) : (
            <AgencyTable
              rows={rows as Parameters<typeof AgencyTable>[0]["rows"]}
              acronym={actor.organisationAcronym ?? ""}
            />
          )}
          <Pagination page={page} pages={pages} href={(n) => hrefWith(query, n)} />
        </>
      ),
    });
  });

  app.get("/private/inbox.csv", async (c) => {
    const actor = requirePerson(c);
    authorize(canManageInbox(actor), "Only the secretariat exports the register.");
    const csv = await inboxCsv(c.var.deps.db, readFilters(c.req.query()));
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="public-input.csv"',
      "Cache-Control": "private, no-store",
    });
  });

  app.get("/private/inbox/settings", (c) => {
    authorize(canManageInbox(requirePerson(c)), "Only the secretariat changes the inbox settings.");
    return settingsPage(c);
  });

  app.post("/private/inbox/settings", (c) => {
    const actor = requirePerson(c);
    authorize(canManageInbox(actor), "Only the secretariat changes the inbox settings.");
    return handleForm(
      c,
      async (body) => {
        await updateInboxSettings(c.var.deps, actor, body);
        return "/private/inbox?done=settings";
      },
      (body, errors, message) =>
        settingsPage(
          c,
          {
            topics: str(body.topics),
            retentionDays: str(body.retentionDays),
            reminderDays: str(body.reminderDays),
          },
          errors,
          message,
        ),
    );
  });

  return app;
}
