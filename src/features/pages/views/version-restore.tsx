import { raw } from "hono/html";
import { renderMarkdown } from "../../../web/markdown.js";
import { RestoreConfirmation } from "../../../web/revisions.js";
import type { ContentPage, PageRevision } from "../pages.queries.js";

/** The confirmation before an earlier version of a page comes back, showing that version. */
export function VersionRestore(p: {
  page: ContentPage;
  revision: PageRevision;
  when: string;
  who: string;
  action: string;
  csrf: string;
}) {
  const { page, revision, when, who } = p;
  return (
    <RestoreConfirmation
      lead={`The version of “${page.title}” saved ${when} ${who} becomes the public text again. It is saved as a new version: the current text stays in the history and can be restored in turn.`}
      action={p.action}
      csrf={p.csrf}
      back={`/private/pages/${page.slug}/edit`}
      backLabel="Keep the current text"
    >
      <section class="preview" aria-labelledby="version-title">
        <h2 id="version-title">The version to restore</h2>
        <div class="preview-frame">
          <p class="eyebrow">
            Saved {when} {who}
          </p>
          <p class="preview-heading">{revision.title}</p>
          {revision.summary ? <p class="lead">{revision.summary}</p> : null}
          <div class="prose">{raw(renderMarkdown(revision.body))}</div>
        </div>
      </section>
    </RestoreConfirmation>
  );
}
