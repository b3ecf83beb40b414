import type { AgencyInterest, InputStatus, SenderKind } from "../../../db/schema/index.js";
import { labelOptions, TableScroll, Tag } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import type { InboxFilters, InboxRow } from "../inbox.queries.js";
import { interestLabels, senderKindLabels, statusLabels } from "../inbox.schemas.js";

const tones: Partial<Record<InputStatus, "accent" | "warn" | "muted" | "ok">> = {
  new: "accent",
  awaiting_sender: "warn",
  forwarded: "ok",
  answered: "ok",
};

/** A message's state as a tag; the words carry the meaning. */
export const StatusTag = ({ status }: { status: InputStatus }) => (
  <Tag tone={tones[status] ?? "muted"}>{statusLabels[status]}</Tag>
);

const day = (d: Date | null) => (d ? formatTimestamp(d).slice(0, 10) : "");

function Choice(p: {
  name: string;
  label: string;
  value?: string;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <label>
      {p.label}
      <select name={p.name}>
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === (p.value ?? "")}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The inbox's filters as a GET form: status, topic, kind, dates and words. */
export function InboxFilterForm({ f, topics }: { f: InboxFilters; topics: string[] }) {
  const statuses = labelOptions(statusLabels).filter((o) => o.value !== "unconfirmed");
  return (
    <form method="get" action="/private/inbox" class="filters" aria-label="Filter messages">
      <Choice
        name="status"
        label="Status"
        value={f.status}
        options={[{ value: "", label: "Any status" }, { value: "open", label: "Still open" }, ...statuses]}
      />
      <Choice
        name="topic"
        label="Topic"
        value={f.topic}
        options={[{ value: "", label: "Any topic" }, ...topics.map((t) => ({ value: t, label: t }))]}
      />
      <Choice
        name="kind"
        label="Sender"
        value={f.kind}
        options={[{ value: "", label: "Any kind" }, ...labelOptions(senderKindLabels)]}
      />
      <label>
        From
        <input type="date" name="from" value={f.from ?? ""} />
      </label>
      <label>
        To
        <input type="date" name="to" value={f.to ?? ""} />
      </label>
      <label>
        Words
        <input type="search" name="q" value={f.q ?? ""} />
      </label>
      <button class="button" type="submit">
        Show
      </button>
    </form>
  );
}

const who = (r: { senderName: string | null; organisation: string | null }) =>
  r.senderName ? [r.senderName, r.organisation].filter(Boolean).join(", ") : "(removed)";

/** The secretariat's register of messages. */
export function TriageTable({ rows }: { rows: InboxRow[] }) {
  return (
    <TableScroll label="Messages">
      <table>
        <caption class="visually-hidden">Messages from academia, industry and the public</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Received</th>
            <th scope="col">Subject</th>
            <th scope="col">From</th>
            <th scope="col">Topic</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td class="nowrap">
                <a href={`/private/inbox/${r.id}`}>{r.reference}</a>
              </td>
              <td class="nowrap">{day(r.confirmedAt)}</td>
              <td>
                {r.subject}
                {r.tags.length ? <span class="muted"> · {r.tags.join(", ")}</span> : null}
              </td>
              <td>
                {who(r)}
                <br />
                <span class="muted">{senderKindLabels[r.senderKind as SenderKind]}</span>
              </td>
              <td>{r.topic}</td>
              <td>
                <StatusTag status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

type AgencyRow = InboxRow & {
  forwardedAt: Date;
  readAt: Date | null;
  acknowledgedAt: Date | null;
  interest: AgencyInterest | null;
};

/** Where the agency stands with a message, in words. */
export const agencyStanding = (d: {
  readAt: Date | null;
  acknowledgedAt: Date | null;
  interest: AgencyInterest | null;
}) =>
  [
    d.acknowledgedAt ? "Acknowledged" : d.readAt ? "Read" : "Not read yet",
    d.interest ? interestLabels[d.interest] : null,
  ]
    .filter(Boolean)
    .join(" · ");

/** An agency's inbox: what was forwarded to it and where it stands. */
export function AgencyTable({ rows, acronym }: { rows: AgencyRow[]; acronym: string }) {
  return (
    <TableScroll label={`${acronym}'s inbox`}>
      <table>
        <caption class="visually-hidden">Input forwarded to {acronym}</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Forwarded</th>
            <th scope="col">Subject</th>
            <th scope="col">From</th>
            <th scope="col">Topic</th>
            <th scope="col">{acronym}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td class="nowrap">
                <a href={`/private/inbox/${r.id}`}>{r.reference}</a>
              </td>
              <td class="nowrap">{day(r.forwardedAt)}</td>
              <td>{r.acknowledgedAt ? r.subject : <strong>{r.subject}</strong>}</td>
              <td>{who(r)}</td>
              <td>{r.topic}</td>
              <td>{agencyStanding(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
