import { diffDocuments } from "../../../../domain/text-diff.js";
import type { FieldErrors } from "../../../../http/errors.js";
import { CsrfField, ErrorSummary, TextArea } from "../../../../web/components.js";
import { productPath } from "../../load.pages.js";
import { DiffView } from "../../versions/views/document.js";
import type { AgreedVersion } from "../agreed-version.service.js";

/** Which version endorsement publishes and its hash, or why it waits: the agreed text, never another. */
export function AgreedVersionNote(p: { slug: string; state: AgreedVersion; round: number; sha256?: string }) {
  const { state } = p;
  if (state.endorsable && state.editorial) {
    return (
      <p>
        Round {p.round} reached consensus on version {state.agreed.number}; the editors recorded that the
        changes up to version {state.latest.number} are editorial only: "{state.editorial.reason}". Version{" "}
        {state.latest.number} is what gets published
        {p.sha256 ? (
          <>
            {" "}
            (SHA-256 <code class="hash">{p.sha256}</code>)
          </>
        ) : null}
        .
      </p>
    );
  }
  if (state.endorsable) return null;
  return <UnconfirmedChanges slug={p.slug} state={state} round={p.round} />;
}

/** Later versions than the agreed one: their changes, and the two ways on. */
export function UnconfirmedChanges(p: { slug: string; state: AgreedVersion; round: number }) {
  const { agreed, latest } = p.state;
  return (
    <section class="callout" aria-labelledby="unconfirmed">
      <h2 id="unconfirmed">
        Version {latest.number} was added after round {p.round} reached consensus on version {agreed.number}
      </h2>
      <p>
        The agencies agreed on version {agreed.number}. Before version {latest.number} can be endorsed, the
        editors either{" "}
        <a href={productPath(p.slug, "/rounds/new")}>open a confirming round on version {latest.number}</a> or{" "}
        <a href={productPath(p.slug, "/editorial")}>record that the changes are editorial only</a> (with a
        reason, shown in the history).
      </p>
      <h3>
        Changes from version {agreed.number} to version {latest.number}
      </h3>
      <DiffView diff={diffDocuments(agreed.body, latest.body)} />
    </section>
  );
}

/** The editors' form: the changes since the agreed version are editorial only, and why. */
export function EditorialForm(p: {
  action: string;
  csrf: string;
  state: AgreedVersion;
  values: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
  cancel: string;
}) {
  return (
    <form method="post" action={p.action} class="form" novalidate>
      <CsrfField token={p.csrf} />
      <ErrorSummary errors={p.errors} message={p.message} />
      <input type="hidden" name="from" value={String(p.state.agreed.number)} />
      <input type="hidden" name="to" value={String(p.state.latest.number)} />
      <TextArea
        name="reason"
        label="Why the changes are editorial only"
        value={p.values.reason ?? ""}
        errors={p.errors}
        required
        rows={4}
        hint="For example: only the wording of accepted comments; no change of substance. Shown in the history."
      />
      <div class="form-actions">
        <button type="submit" class="button">
          Record as editorial only
        </button>
        <a href={p.cancel}>Cancel</a>
      </div>
    </form>
  );
}
