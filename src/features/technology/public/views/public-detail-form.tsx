import type { FieldErrors } from "../../../../http/errors.js";
import { CsrfField, ErrorSummary, PageHeader } from "../../../../web/components.js";
import { publicDetailLabels, publicDetailLevels } from "../../assessments/assessments.schemas.js";

/** The secretariat's choice of how much of the technology heat map the public sees. */
export function PublicDetailForm(p: { level: string; csrf: string; errors?: FieldErrors; message?: string }) {
  const error = p.errors?.level;
  return (
    <>
      <PageHeader
        title="What the public sees of the technology heat map"
        lead="Agencies' TRLs are not public unless the forum agrees. The Advanced Technology page shows the Critical Technology List and the assessments in any case, and the heat map at the level chosen here; demonstration data is never shown in public."
      />
      <form method="post" action="/private/technology/assessments/public-detail" class="form" novalidate>
        <ErrorSummary errors={p.errors} message={p.message} />
        <CsrfField token={p.csrf} />
        <fieldset id="f-level" tabindex={-1} aria-describedby={error ? "f-level-error" : undefined}>
          <legend>Public level of detail</legend>
          {error ? (
            <p class="field-error" id="f-level-error">
              {error}
            </p>
          ) : null}
          {publicDetailLevels.map((l) => (
            <div class="checkbox">
              <input id={`f-level-${l}`} type="radio" name="level" value={l} checked={p.level === l} />
              <label for={`f-level-${l}`}>{publicDetailLabels[l]}</label>
            </div>
          ))}
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="button">
            Save
          </button>
          <a href="/private/technology/assessments">Cancel</a>
        </div>
      </form>
    </>
  );
}
