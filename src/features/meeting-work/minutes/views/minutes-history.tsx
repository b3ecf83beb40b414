import { raw } from "hono/html";
import type { DiffLine } from "../../../../domain/line-diff.js";
import { EmptyState, PageHeader, Select, TableScroll } from "../../../../web/components.js";
import { renderMarkdown } from "../../../../web/markdown.js";
import type { MeetingDetail } from "../../../meetings/meetings.queries.js";
import type { MinutesVersion } from "../minutes.queries.js";
import { approvalText, DiffView, MinutesTag, minutesBase, when } from "./minutes.js";

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
                <a href={`${minutesBase(m)}/versions/${v.version}`}>Version {v.version}</a>
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
    <form method="get" action={`${minutesBase(m)}/versions`} class="form form-inline">
      <Select name="a" label="Compare" value={String(a)} options={options} required />
      <Select name="b" label="with" value={String(b)} options={options} required />
      <button class="button button-quiet" type="submit">
        Compare
      </button>
    </form>
  );
}

/** Every version of the minutes and, when there are two or more, two of them compared. */
export function MinutesHistory(p: {
  m: MeetingDetail;
  versions: MinutesVersion[];
  compared: { a: number; b: number; lines: DiffLine[] } | null;
}) {
  const { m, versions, compared } = p;
  return (
    <>
      <p class="breadcrumb">
        <a href={`/private/meetings/${m.slug}#minutes`}>← {m.title}</a>
      </p>
      <PageHeader title={`Minutes history: ${m.title}`} />
      {versions.length ? <VersionsTable m={m} versions={versions} /> : <EmptyState title="No minutes yet" />}
      {compared ? (
        <section class="section" aria-labelledby="compare">
          <h2 id="compare">
            Version {compared.a} compared with version {compared.b}
          </h2>
          <CompareForm m={m} versions={versions} a={compared.a} b={compared.b} />
          <DiffView lines={compared.lines} />
        </section>
      ) : null}
    </>
  );
}

/** One version of the minutes as it was saved. */
export function MinutesVersionPage({ m, v }: { m: MeetingDetail; v: MinutesVersion }) {
  return (
    <>
      <p class="breadcrumb">
        <a href={`${minutesBase(m)}/versions`}>← All versions</a>
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
  );
}
