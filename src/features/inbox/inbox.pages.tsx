import type { AppContext } from "../../http/env.js";
import type { FieldErrors } from "../../http/errors.js";
import { notFound } from "../../http/errors.js";
import { handleForm, str } from "../../http/forms.js";
import { pageParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { inboxCsv } from "./inbox.export.js";
import { canManageInbox, canOpenInbox } from "./inbox.policy.js";
import { INBOX_PER_PAGE, listAgencyInput, listInput, readFilters, usedTopics } from "./inbox.queries.js";
import { readInboxSettings, updateInboxSettings } from "./inbox.settings.service.js";
import { InboxPage } from "./views/inbox-page.js";
import { InboxSettingsForm, type InboxSettingsValues } from "./views/inbox-settings.js";

const notices: Record<string, string> = { settings: "The settings were saved." };

const inboxReader = personAllowedBy(canOpenInbox, "Your account belongs to no agency, so it has no inbox.");
const exporter = personAllowedBy(canManageInbox, "Only the secretariat exports the register.");
const settingsEditor = personAllowedBy(canManageInbox, "Only the secretariat changes the inbox settings.");

const hrefWith = (query: Record<string, string | undefined>, page: number) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v && k !== "page") q.set(k, v);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/private/inbox?${s}` : "/private/inbox";
};

/** The secretariat's triage list of all public input, or a member's agency inbox; filtered, paged. */
async function inbox(c: AppContext) {
  const actor = inboxReader(c);
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
  const csvHref = `/private/inbox.csv${c.req.url.includes("?") ? `?${new URL(c.req.url).searchParams}` : ""}`;
  return renderPrivate(c, {
    title: "Inbox",
    body: () => (
      <InboxPage
        {...{ manage, csvHref, f, topics, rows, total, page, pages }}
        acronym={actor.organisationAcronym}
        notice={notices[c.req.query("done") ?? ""]}
        href={(n) => hrefWith(query, n)}
      />
    ),
  });
}

async function inboxRegister(c: AppContext) {
  exporter(c);
  const csv = await inboxCsv(c.var.deps.db, readFilters(c.req.query()));
  return c.body(csv, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": 'attachment; filename="public-input.csv"',
    "Cache-Control": "private, no-store",
  });
}

async function settingsPage(
  c: AppContext,
  values?: InboxSettingsValues,
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
      body: () => <InboxSettingsForm values={v} csrf={c.var.csrfToken()} {...{ errors, message }} />,
    },
    errors ? 422 : 200,
  );
}

function inboxSettings(c: AppContext) {
  settingsEditor(c);
  return settingsPage(c);
}

function saveInboxSettings(c: AppContext) {
  const actor = settingsEditor(c);
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
}

/** The inbox list (triage for the secretariat, the agency's inbox for members), settings and the CSV register. */
export const inboxPages = pageGroup([
  ["GET", "/private/inbox", inbox],
  ["GET", "/private/inbox.csv", inboxRegister],
  ["GET", "/private/inbox/settings", inboxSettings],
  ["POST", "/private/inbox/settings", saveInboxSettings],
]);
