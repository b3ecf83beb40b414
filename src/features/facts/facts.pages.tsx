import { Hono } from "hono";
import type { AppEnv } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { formBody } from "../../http/forms.js";
import { authorize, idParam, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { ConfirmForm, CsrfField, EmptyState, Notice, PageHeader, Tag } from "../../web/components.js";
import { canVerifyFacts } from "./facts.policy.js";
import { type Fact, factKindLabels, factKinds, listFactsToVerify } from "./facts.queries.js";
import { confirmFact, hideableKinds, hideFact, isFactKind } from "./facts.service.js";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Facts to verify: every record whose sources leave a doubt, with the doubt and the sources, for
 * the secretariat alone. Visitors never see these notes; the secretariat confirms each record, or
 * corrects it in its own form.
 */
export function factPages() {
  const app = new Hono<AppEnv>();

  app.get("/private/facts", async (c) => {
    authorize(canVerifyFacts(requirePerson(c)), "Only the secretariat can see the facts to verify.");
    const facts = await listFactsToVerify(c.var.deps.db);
    const confirmed = c.req.query("confirmed");
    const hidden = c.req.query("hidden");
    const csrf = c.var.csrfToken();
    return renderPrivate(c, {
      title: "Facts to verify",
      body: () => (
        <>
          <PageHeader
            title="Facts to verify"
            lead={
              facts.length
                ? `${plural(facts.length, "record rests", "records rest")} on sources that leave a doubt. Visitors see these facts without the notes below; check each against a source you trust, then confirm it or correct it.`
                : undefined
            }
          />
          <Notice text={confirmed ? `Confirmed: ${confirmed}. It has left the list.` : null} />
          <Notice
            text={
              hidden ? `Hidden: visitors no longer see ${hidden}. It stays here until it is checked.` : null
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
                      <FactItem f={f} csrf={csrf} />
                    ))}
                  </ul>
                </section>
              ) : null;
            })
          )}
        </>
      ),
    });
  });

  app.get("/private/facts/:kind/:id/hide", async (c) => {
    authorize(canVerifyFacts(requirePerson(c)), "Only the secretariat can hide facts.");
    const kind = c.req.param("kind");
    if (!isFactKind(kind) || !hideableKinds.has(kind)) throw notFound("This kind of record");
    const fact = (await listFactsToVerify(c.var.deps.db)).find(
      (f) => f.kind === kind && f.id === idParam(c.req.param("id")),
    );
    if (!fact) throw notFound("This fact to verify");
    const what =
      kind === "news" ? "The news item is unpublished" : "The meeting becomes visible to members only";
    return renderPrivate(c, {
      title: "Hide from visitors?",
      body: () => (
        <>
          <PageHeader title={`Hide “${fact.title}” from visitors?`} />
          <p>{what} until its facts are checked; you can publish it again from its own page.</p>
          <ConfirmForm
            action={`/private/facts/${kind}/${fact.id}/hide`}
            csrf={c.var.csrfToken()}
            button="Hide from visitors"
            back="/private/facts"
          />
        </>
      ),
    });
  });

  app.post("/private/facts/:kind/:id/hide", async (c) => {
    const actor = requirePerson(c);
    authorize(canVerifyFacts(actor), "Only the secretariat can hide facts.");
    const kind = c.req.param("kind");
    if (!isFactKind(kind)) throw notFound("This kind of record");
    await formBody(c);
    const name = await hideFact(c.var.deps, actor, kind, idParam(c.req.param("id")));
    return c.redirect(`/private/facts?${new URLSearchParams({ hidden: name })}`, 303);
  });

  app.post("/private/facts/:kind/:id/confirm", async (c) => {
    const actor = requirePerson(c);
    authorize(canVerifyFacts(actor), "Only the secretariat can confirm facts.");
    const kind = c.req.param("kind");
    if (!isFactKind(kind)) throw notFound("This kind of record");
    await formBody(c);
    const name = await confirmFact(c.var.deps, actor, kind, idParam(c.req.param("id")));
    return c.redirect(`/private/facts?${new URLSearchParams({ confirmed: name })}`, 303);
  });

  return app;
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
          <summary>{plural(f.sources.length, "source", "sources")}</summary>
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
