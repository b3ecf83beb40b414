import type { FieldErrors } from "../../../http/errors.js";
import type { FormValues } from "../../../kit/forms.js";
import { Notice, PageHeader, TableScroll } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import type { Forum } from "../../../web/forum.js";
import { navSections } from "../../../web/nav.js";
import type { listSiteRevisions } from "../texts.service.js";
import { AboutSections, HomeHero, HomeHighlights } from "./site-texts.js";
import { SiteTextsForm } from "./site-texts-form.js";

type SiteRevision = Awaited<ReturnType<typeof listSiteRevisions>>[number];

/** The site texts' editor: the draft's state, a preview, the form and the published versions. */
export function SiteTextsEditor(p: {
  notice: string | undefined;
  values: FormValues;
  errors?: FieldErrors;
  message?: string;
  preview?: Forum;
  draftSavedAt?: Date;
  revisions: SiteRevision[];
  csrf: string;
}) {
  return (
    <>
      <PageHeader
        title="Site texts"
        lead="The forum's name, Home, About and the main navigation. The secretariat's contact is edited under Secretariat."
      />
      <p>
        The logo in the header is changed apart, and at once: <a href="/private/site/logo">Logo</a>.
      </p>
      <Notice text={p.notice} />
      {p.draftSavedAt ? (
        <p class="callout">
          You are editing a draft saved {formatTimestamp(p.draftSavedAt)}; visitors see the published texts
          until you publish. <a href="/private/site/draft/discard">Discard the draft</a>
        </p>
      ) : null}
      {p.preview ? <Preview forum={p.preview} /> : null}
      <SiteTextsForm values={p.values} errors={p.errors} message={p.message} csrf={p.csrf} />
      <Revisions revisions={p.revisions} />
    </>
  );
}

function Preview({ forum }: { forum: Forum }) {
  return (
    <section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview (not saved yet)</h2>
      <div class="preview-frame">
        <p class="eyebrow">Main navigation</p>
        <p>
          {navSections(forum.nav)
            .map((s) => s.label)
            .join(" · ")}
        </p>
        <p class="eyebrow">Home</p>
        <HomeHero forum={forum} />
        <HomeHighlights forum={forum} />
        <p class="eyebrow">About</p>
        <AboutSections forum={forum} />
      </div>
    </section>
  );
}

function Revisions({ revisions }: { revisions: SiteRevision[] }) {
  if (revisions.length === 0) {
    return <p class="muted">No version has been published from here yet; the texts come from the dataset.</p>;
  }
  return (
    <section aria-labelledby="revisions">
      <h2 id="revisions">Published versions</h2>
      <TableScroll label="Published versions">
        <table>
          <caption class="visually-hidden">Published versions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Published</th>
              <th scope="col">By</th>
              <th scope="col">
                <span class="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r, i) => (
              <tr>
                <td>{formatTimestamp(r.createdAt)}</td>
                <td>{r.authorName === "dataset" ? "From the dataset" : r.authorName}</td>
                <td>
                  {i === 0 ? (
                    "On the site now"
                  ) : (
                    <a href={`/private/site/revisions/${r.id}/restore`}>Load into the draft</a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
