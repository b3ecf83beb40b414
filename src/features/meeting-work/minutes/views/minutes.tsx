import { raw } from "hono/html";
import type { DiffLine } from "../../../../domain/line-diff.js";
import { EmptyState, Tag } from "../../../../web/components.js";
import { renderMarkdown } from "../../../../web/markdown.js";
import type { MinutesVersion } from "../minutes.queries.js";
import type { MinutesStatus } from "../minutes.service.js";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** The address of a meeting's minutes: the form that saves a new version. */
export const minutesBase = (m: { slug: string }) => `/private/meetings/${m.slug}/minutes`;

/** "3 May 2031, 14:05 UTC". */
export const when = (d: Date) => `${dateTime.format(d)} UTC`;

/**
 * Minutes sit under the page's own "Minutes" heading, so their headings move one level down
 * (## becomes ###) to keep the outline in order; fenced code is left alone.
 */
export function demoteHeadings(markdown: string): string {
  let fenced = false;
  return markdown
    .split("\n")
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      return !fenced && /^#{1,5}\s/.test(line) ? `#${line}` : line;
    })
    .join("\n");
}

/** Minutes as HTML, headings demoted below the page's own. */
export const minutesHtml = (markdown: string) => renderMarkdown(demoteHeadings(markdown));

/** "Approved at <meeting>" or "Draft", as a tag with words (never colour alone). */
export function MinutesTag({ v }: { v: MinutesVersion }) {
  return v.approvedAt ? <Tag tone="ok">Approved at {v.approvingTitle}</Tag> : <Tag tone="warn">Draft</Tag>;
}

/** Who approved a version, where and when. */
export const approvalText = (v: MinutesVersion) =>
  v.approvedAt
    ? `Approved at ${v.approvingTitle}; recorded by ${v.approvedByName} on ${when(v.approvedAt)}.`
    : "";

/** The minutes on the meeting page: status, the latest version rendered, and what managers may do. */
export function MinutesSection(p: { slug: string; status: MinutesStatus; count: number; manage: boolean }) {
  const base = `/private/meetings/${p.slug}/minutes`;
  const manage = p.manage ? (
    <p>
      <a href={base}>
        {p.status.kind === "none" ? "Write the minutes" : "Edit the minutes (saves a new version)"}
      </a>
      {p.status.kind === "draft" ? (
        <>
          {" · "}
          <a href={`${base}/approval`}>Record their approval</a>
        </>
      ) : null}
    </p>
  ) : null;
  if (p.status.kind === "none")
    return (
      <>
        <EmptyState title="No minutes yet" />
        {manage}
      </>
    );
  const { latest } = p.status;
  return (
    <>
      <p class="tags">
        <MinutesTag v={latest} /> <span class="small muted">Version {latest.version}</span>
      </p>
      {p.status.kind === "approved" ? <p class="small">{approvalText(latest)}</p> : null}
      {p.status.kind === "draft" && p.status.lastApproved ? (
        <p class="small">
          Version {p.status.lastApproved.version} was approved at {p.status.lastApproved.approvingTitle}; this
          later version needs its own approval.
        </p>
      ) : null}
      <div class="prose">{raw(minutesHtml(latest.text))}</div>
      <p class="small">
        <a href={`${base}/versions`}>History ({p.count === 1 ? "1 version" : `${p.count} versions`})</a>
      </p>
      {manage}
    </>
  );
}

/** Two versions compared line by line; removed and added lines are marked in words as well as colour. */
export function DiffView({ lines }: { lines: DiffLine[] }) {
  return (
    <pre class="revision-body diff">
      {lines.map((l) =>
        l.kind === "same" ? (
          <span>{`  ${l.text}\n`}</span>
        ) : l.kind === "removed" ? (
          <del>
            <span class="visually-hidden">Removed: </span>
            {`- ${l.text}\n`}
          </del>
        ) : (
          <ins>
            <span class="visually-hidden">Added: </span>
            {`+ ${l.text}\n`}
          </ins>
        ),
      )}
    </pre>
  );
}
