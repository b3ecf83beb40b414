import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";
import { formBody } from "../../http/forms.js";
import { idParam, personAllowedBy } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { ConfirmForm, PageHeader } from "../../web/components.js";
import { canVerifyFacts } from "./facts.policy.js";
import { listFactsToVerify } from "./facts.queries.js";
import { confirmFact, hideableKinds, hideFact, isFactKind } from "./facts.service.js";
import { FactsToVerify } from "./views/facts-to-verify.js";

const reader = personAllowedBy(canVerifyFacts, "Only the secretariat can see the facts to verify.");
const hider = personAllowedBy(canVerifyFacts, "Only the secretariat can hide facts.");
const confirmer = personAllowedBy(canVerifyFacts, "Only the secretariat can confirm facts.");

/** The kind of record the address names, or not found. */
function factKindOf(c: AppContext) {
  const kind = c.req.param("kind") ?? "";
  if (!isFactKind(kind)) throw notFound("This kind of record");
  return kind;
}

async function factsToVerify(c: AppContext) {
  reader(c);
  const facts = await listFactsToVerify(c.var.deps.db);
  const csrf = c.var.csrfToken();
  return renderPrivate(c, {
    title: "Facts to verify",
    body: () => (
      <FactsToVerify
        facts={facts}
        confirmed={c.req.query("confirmed")}
        hidden={c.req.query("hidden")}
        csrf={csrf}
      />
    ),
  });
}

async function confirmHiding(c: AppContext) {
  hider(c);
  const kind = c.req.param("kind") ?? "";
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
}

async function hideConfirmedFact(c: AppContext) {
  const actor = hider(c);
  const kind = factKindOf(c);
  await formBody(c);
  const name = await hideFact(c.var.deps, actor, kind, idParam(c.req.param("id")));
  return c.redirect(`/private/facts?${new URLSearchParams({ hidden: name })}`, 303);
}

async function confirmFactRecord(c: AppContext) {
  const actor = confirmer(c);
  const kind = factKindOf(c);
  await formBody(c);
  const name = await confirmFact(c.var.deps, actor, kind, idParam(c.req.param("id")));
  return c.redirect(`/private/facts?${new URLSearchParams({ confirmed: name })}`, 303);
}

/**
 * Facts to verify: every record whose sources leave a doubt, with the doubt and the sources, for
 * the secretariat alone. Visitors never see these notes; the secretariat confirms each record, or
 * corrects it in its own form.
 */
export const factPages = pageGroup([
  ["GET", "/private/facts", factsToVerify],
  ["GET", "/private/facts/:kind/:id/hide", confirmHiding],
  ["POST", "/private/facts/:kind/:id/hide", hideConfirmedFact],
  ["POST", "/private/facts/:kind/:id/confirm", confirmFactRecord],
]);
