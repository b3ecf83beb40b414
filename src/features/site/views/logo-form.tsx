import type { FieldErrors } from "../../../http/errors.js";
import { CsrfField, ErrorSummary, FileField, Notice, PageHeader } from "../../../web/components.js";
import { type Forum, logoPath } from "../../../web/forum.js";

/** The forum's current logo, and the form that replaces it. */
export function LogoForm(p: {
  forum: Forum;
  notice: string | undefined;
  errors?: FieldErrors;
  message?: string;
  csrf: string;
}) {
  const { forum, errors } = p;
  return (
    <>
      <PageHeader
        title="Logo"
        lead="The picture beside the forum's name in the header of every page. Without one, the header shows the short name."
      />
      <Notice text={p.notice} />
      {forum.logo ? (
        <p class="logo-current">
          <img src={logoPath(forum.logo)} alt={`The current logo of ${forum.name}`} height="64" />
          <a href="/private/site/logo/remove">Remove the logo</a>
        </p>
      ) : (
        <p class="muted">No logo yet: the header shows “{forum.acronym}”.</p>
      )}
      <form method="post" action="/private/site/logo" class="form" enctype="multipart/form-data" novalidate>
        <ErrorSummary errors={errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <FileField
          name="file"
          field="logo"
          label={forum.logo ? "Replace with a new image" : "Image file"}
          hint="PNG, JPEG, WebP or SVG, at most 512 KB. It is shown 40 pixels high; a wide logo works best."
          accept="image/png,image/jpeg,image/webp,image/svg+xml"
          errors={errors}
        />
        <p class="form-actions">
          <button class="button" type="submit">
            Use this logo
          </button>
          <a href="/private/site">Back to the site's texts</a>
        </p>
      </form>
    </>
  );
}
