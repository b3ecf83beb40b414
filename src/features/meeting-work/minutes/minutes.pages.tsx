import { Hono } from "hono";
import { raw } from "hono/html";
import { diffLines } from "../../../domain/line-diff.js";
import { localStartDay } from "../../../domain/time-zones.js";
import type { AppContext, AppEnv } from "../../../http/env.js";
import { type FieldErrors, notFound } from "../../../http/errors.js";
import { handleForm, str } from "../../../http/forms.js";
import { idParam, requirePerson } from "../../../http/guards.js";
import { renderPrivate } from "../../../http/page.js";
import {
  CsrfField,
  EmptyState,
  ErrorSummary,
  PageHeader,
  Select,
  TableScroll,
  TextArea,
} from "../../../web/components.js";
import { renderMarkdown } from "../../../web/markdown.js";
import type { MeetingDetail } from "../../meetings/meetings.queries.js";
import { loadMeetingForMember } from "../meeting.pages.js";
import { loadManagedMeetingWork } from "../meeting-work.service.js";
import { listLaterMeetings, listMinutes, type MinutesVersion } from "./minutes.queries.js";
import { approveMinutes, createMinutesVersion } from "./minutes.service.js";
import { approvalText, DiffView, MinutesTag, when } from "./views/minutes.js";

const base = (m: { slug: string }) => `/private/meetings/${m.slug}/minutes`;

async function editPage(
  c: AppContext,
  m: MeetingDetail,
  text?: string,
  errors?: FieldErrors,
  message?: string,
) {
  const [latest] = await listMinutes(c.var.deps.db, m.id);
  return renderPrivate(c, {
    title: `Minutes: ${m.title}`,
    body: () => (
      <>
        <PageHeader
          title={`Minutes: ${m.title}`}
          lead={
            latest
              ? `Saving adds version ${latest.version + 1}; version ${latest.version} and earlier stay as they are.`
              : "Saving adds version 1."
          }
        />
        <form method="post" action={base(m)} class="form" novalidate>
          <ErrorSummary errors={errors} message={message} />
          <CsrfField token={c.var.csrfToken()} />
          <TextArea
            name="text"
            label="Minutes"
            hint="Markdown."
            value={text ?? latest?.text ?? ""}
            errors={errors}
            rows={18}
            required
          />
          <p class="form-actions">
            <button class="button" type="submit">
              Save as a new version
            </button>
            <a href={`/private/meetings/${m.slug}#minutes`}>Cancel</a>
          </p>
        </form>
      </>
    ),
  });
}

function VersionsTable({ m, versions }: { m: MeetingDetail; versions: MinutesVersion[] }) {
  return (
    <TableScroll label="Versions of the minutes">
      <table>
        <caption class="visually-hidden">Versions of the minutes</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">By</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr>
              <th scope="row">
                <a href={`${base(m)}/versions/${v.version}`}>Version {v.version}</a>
              </th>
              <td>{when(v.createdAt)}</td>
              <td>{v.authorName}</td>
              <td>
                <MinutesTag v={v} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function CompareForm({
  m,
  versions,
  a,
  b,
}: {
  m: MeetingDetail;
  versions: MinutesVersion[];
  a: number;
  b: number;
}) {
  const options = versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }));
  return (
    <form method="get" action={`${base(m)}/versions`} class="form form-inline">
      <Select name="a" label="Compare" value={String(a)} options={options} required />
      <Select name="b" label="with" value={String(b)} options={options} required />
      <button class="button button-quiet" type="submit">
        Compare
      </button>
    </form>
  );
}

async function approvalPage(
  c: AppContext,
  m: MeetingDetail,
  values?: Record<string, string | string[]>,
  errors?: FieldErrors,
  message?: string,
) {
  const [versions, later] = await Promise.all([
    listMinutes(c.var.deps.db, m.id),
    listLaterMeetings(c.var.deps.db, m.startsAt),
  ]);
  const [latest] = versions;
  return renderPrivate(c, {
    title: `Approve the minutes: ${m.title}`,
    body: () => (
      <>
        <PageHeader
          title={`Approve the minutes: ${m.title}`}
          lead="Minutes are approved at a later meeting. The approved version is frozen; later edits need a new approval."
        />
        {!latest ? (
          <EmptyState title="No minutes yet" />
        ) : latest.approvedAt ? (
          <p>{approvalText(latest)}</p>
        ) : (
          <form method="post" action={`${base(m)}/approval`} class="form" novalidate>
            <ErrorSummary errors={errors} message={message} />
            <CsrfField token={c.var.csrfToken()} />
            <input type="hidden" name="version" value={String(latest.version)} />
            <p>
              Version {latest.version}, saved by {latest.authorName} on {when(latest.createdAt)}.
            </p>
            <Select
              name="approvingMeeting"
              label="Approved at"
              value={values ? str(values.approvingMeeting) : ""}
              errors={errors}
              emptyLabel="Choose a later meeting"
              options={later.map((x) => ({
                value: x.slug,
                label: `${x.title} (${localStartDay(x)})`,
              }))}
              required
            />
            <p class="form-actions">
              <button class="button" type="submit">
                Record the approval
              </button>
              <a href={`/private/meetings/${m.slug}#minutes`}>Cancel</a>
            </p>
          </form>
        )}
      </>
    ),
  });
}

/** Minutes: managers write versions and record approval at a later meeting; members read history and compare. */
export function minutesPages() {
  const app = new Hono<AppEnv>();
  const managed = (c: AppContext) =>
    loadManagedMeetingWork(c.var.deps, requirePerson(c), c.req.param("slug") ?? "");

  app.get("/private/meetings/:slug/minutes", async (c) => editPage(c, await managed(c)));

  app.post("/private/meetings/:slug/minutes", async (c) => {
    const m = await managed(c);
    return handleForm(
      c,
      async (body) => {
        await createMinutesVersion(c.var.deps, requirePerson(c), m.slug, body);
        return `/private/meetings/${m.slug}?done=minutes#minutes`;
      },
      (values, errors, message) => editPage(c, m, str(values.text), errors, message),
    );
  });

  app.get("/private/meetings/:slug/minutes/versions", async (c) => {
    const m = await loadMeetingForMember(c);
    const versions = await listMinutes(c.var.deps.db, m.id);
    const pick = (q: string | undefined, fallback: number) =>
      versions.find((v) => String(v.version) === q)?.version ?? fallback;
    const a = pick(c.req.query("a"), versions[1]?.version ?? 0);
    const b = pick(c.req.query("b"), versions[0]?.version ?? 0);
    const [va, vb] = [versions.find((v) => v.version === a), versions.find((v) => v.version === b)];
    return renderPrivate(c, {
      title: `Minutes history: ${m.title}`,
      body: () => (
        <>
          <p class="breadcrumb">
            <a href={`/private/meetings/${m.slug}#minutes`}>← {m.title}</a>
          </p>
          <PageHeader title={`Minutes history: ${m.title}`} />
          {versions.length ? (
            <VersionsTable m={m} versions={versions} />
          ) : (
            <EmptyState title="No minutes yet" />
          )}
          {versions.length > 1 && va && vb ? (
            <section class="section" aria-labelledby="compare">
              <h2 id="compare">
                Version {a} compared with version {b}
              </h2>
              <CompareForm m={m} versions={versions} a={a} b={b} />
              <DiffView lines={diffLines(va.text, vb.text)} />
            </section>
          ) : null}
        </>
      ),
    });
  });

  app.get("/private/meetings/:slug/minutes/versions/:version", async (c) => {
    const m = await loadMeetingForMember(c);
    const n = idParam(c.req.param("version"));
    const v = (await listMinutes(c.var.deps.db, m.id)).find((x) => x.version === n);
    if (!v) throw notFound("This version of the minutes");
    return renderPrivate(c, {
      title: `Minutes, version ${v.version}: ${m.title}`,
      body: () => (
        <>
          <p class="breadcrumb">
            <a href={`${base(m)}/versions`}>← All versions</a>
          </p>
          <PageHeader
            title={`Minutes, version ${v.version}`}
            lead={`${m.title}. Saved by ${v.authorName} on ${when(v.createdAt)}.`}
          />
          <p class="tags">
            <MinutesTag v={v} />
          </p>
          {v.approvedAt ? <p class="small">{approvalText(v)}</p> : null}
          <div class="prose">{raw(renderMarkdown(v.text))}</div>
        </>
      ),
    });
  });

  app.get("/private/meetings/:slug/minutes/approval", async (c) => approvalPage(c, await managed(c)));

  app.post("/private/meetings/:slug/minutes/approval", async (c) => {
    const m = await managed(c);
    return handleForm(
      c,
      async (body) => {
        await approveMinutes(c.var.deps, requirePerson(c), m.slug, body);
        return `/private/meetings/${m.slug}?done=approved#minutes`;
      },
      (values, errors, message) => approvalPage(c, m, values, errors, message),
    );
  });

  return app;
}
