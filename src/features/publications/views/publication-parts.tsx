import { Tag } from "../../../web/components.js";
import { formatPartialDate } from "../../../web/format.js";
import type { Publication, PublicationSummary } from "../publications.queries.js";
import { categoryLabels } from "../publications.schemas.js";

type Dated = Pick<PublicationSummary, "postedOn" | "publishedOn" | "publishedPrecision">;

/** "Posted on 23 May 2023" when the site posted it, else "Published May 2023", else nothing. */
export function PublicationDate({ p }: { p: Dated }) {
  if (p.postedOn) {
    return (
      <span class="pub-date">
        Posted on <time datetime={p.postedOn}>{formatPartialDate(p.postedOn, "day")}</time>
      </span>
    );
  }
  if (p.publishedOn && p.publishedPrecision) {
    return (
      <span class="pub-date">
        Published{" "}
        <time
          datetime={p.publishedOn.slice(
            0,
            p.publishedPrecision === "year" ? 4 : p.publishedPrecision === "month" ? 7 : 10,
          )}
        >
          {formatPartialDate(p.publishedOn, p.publishedPrecision)}
        </time>
      </span>
    );
  }
  return <span class="pub-date muted">Date not known</span>;
}

/** What kind of access a publication offers, in words. */
export function AccessNote({
  p,
}: {
  p: Pick<PublicationSummary, "fileSha256" | "fileSize" | "externalUrl">;
}) {
  if (p.fileSha256) return <span class="muted">PDF, {formatSize(p.fileSize ?? 0)}</span>;
  if (p.externalUrl) return <span class="muted">External link</span>;
  return null;
}

/** 1536 -> "2 KB", 3_400_000 -> "3.2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One publication in a list: title link, category, date, access. */
export function PublicationItem({ p, headingLevel = 2 }: { p: PublicationSummary; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <li class="pub-item">
      <H class="pub-title">
        <a href={`/publications/${p.slug}`}>{p.title}</a>
      </H>
      <p class="pub-meta">
        <Tag tone="accent">{categoryLabels[p.category]}</Tag> <PublicationDate p={p} /> <AccessNote p={p} />
      </p>
    </li>
  );
}

/** How to read a publication: its stored PDF, or the publisher's address. */
export function PublicationAccess({ p }: { p: Publication }) {
  if (p.fileSha256) {
    return (
      <p class="pub-access">
        <a class="button" href={`/publications/${p.slug}/file`} type="application/pdf">
          Open the PDF<span class="visually-hidden">: {p.title}</span>
        </a>{" "}
        <span class="muted">
          {p.fileName}, {formatSize(p.fileSize ?? 0)}
        </span>
      </p>
    );
  }
  if (p.externalUrl) {
    return (
      <p class="pub-access">
        <a class="button" href={p.externalUrl} rel="noopener">
          Read it on the publisher's site<span class="visually-hidden">: {p.title}</span>
        </a>{" "}
        <AccessNote p={p} />
      </p>
    );
  }
  return <p class="muted">No file or link is available for this publication yet.</p>;
}
