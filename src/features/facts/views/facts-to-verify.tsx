import { CsrfField, EmptyState, Notice, PageHeader, Tag } from "../../../web/components.js";
import { plural } from "../../../web/words.js";
import { type Fact, factKindLabels, factKinds } from "../facts.queries.js";
import { hideableKinds } from "../facts.service.js";

/** Every fact in doubt by kind, each with its note, its sources and what the secretariat can do. */
export function FactsToVerify(p: {
  facts: Fact[];
  confirmed: string | undefined;
  hidden: string | undefined;
  csrf: string;
}) {
  const { facts } = p;
  return (
    <>
      <PageHeader
        title="Facts to verify"
        lead={
          facts.length
            ? `${plural(facts.length, "record rests", "records rest")} on sources that leave a doubt. Visitors see these facts without the notes below; check each against a source you trust, then confirm it or correct it.`
            : undefined
        }
      />
      <Notice text={p.confirmed ? `Confirmed: ${p.confirmed}. It has left the list.` : null} />
      <Notice
        text={
          p.hidden ? `Hidden: visitors no longer see ${p.hidden}. It stays here until it is checked.` : null
        }
      />
      {facts.length === 0 ? (
        <EmptyState title="Every fact is confirmed.">
          <p>When a record is marked uncertain, it appears here.</p>
        </EmptyState>
      ) : (
        factKinds.map((kind) => {
          const ofKind = facts.filter((f) => f.kind === kind);
          return ofKind.length ? (
            <section class="section" aria-labelledby={`facts-${kind}`}>
              <h2 id={`facts-${kind}`}>
                {factKindLabels[kind]} <span class="muted">({ofKind.length})</span>
              </h2>
              <ul class="plain fact-list">
                {ofKind.map((f) => (
                  <FactItem f={f} csrf={p.csrf} />
                ))}
              </ul>
            </section>
          ) : null;
        })
      )}
    </>
  );
}

function FactItem({ f, csrf }: { f: Fact; csrf: string }) {
  return (
    <li class="fact">
      <h3>
        {f.href && f.public ? <a href={f.href}>{f.title}</a> : f.title}
        {f.public ? null : (
          <>
            {" "}
            <Tag tone="warn">Hidden from visitors</Tag>
          </>
        )}
      </h3>
      {f.note ? <p>{f.note}</p> : <p class="muted">No note says what is in doubt.</p>}
      {f.sources.length ? (
        <details>
          <summary>{plural(f.sources.length, "source")}</summary>
          <ul>
            {f.sources.map((s) => (
              <li>{/^https?:\/\//.test(s) ? <a href={s}>{s}</a> : s}</li>
            ))}
          </ul>
        </details>
      ) : (
        <p class="muted">No source is recorded.</p>
      )}
      <form method="post" action={`/private/facts/${f.kind}/${f.id}/confirm`} class="form-actions">
        <CsrfField token={csrf} />
        <button class="button" type="submit">
          Confirm
        </button>
        {f.editHref ? (
          <a class="button button-quiet" href={f.editHref}>
            Correct
          </a>
        ) : null}
        {f.public && hideableKinds.has(f.kind) ? (
          <a class="button button-quiet" href={`/private/facts/${f.kind}/${f.id}/hide`}>
            Hide from visitors
          </a>
        ) : null}
      </form>
    </li>
  );
}
