import { Hono } from "hono";
import { roleLabels } from "../../http/actor.js";
import type { AppEnv } from "../../http/env.js";
import { authorize, requirePerson } from "../../http/guards.js";
import { renderPrivate } from "../../http/page.js";
import { PageHeader } from "../../web/components.js";
import { formatTimestamp } from "../../web/format.js";
import { listAudit } from "../audit/audit.queries.js";
import { canEditAgencyProfile, canReadAuditLog, canReadPrivateArea } from "../directory/directory.policy.js";
import { countPeople } from "../directory/directory.queries.js";
import { cachedOrganisationByAcronym } from "../directory/organisations.cache.queries.js";
import { WaitingList } from "../home/views/waiting-list.js";
import { waitingFor } from "../home/waiting.service.js";
import { canManageInbox, canOpenInbox } from "../inbox/inbox.policy.js";
import { inboxWaiting } from "../inbox/inbox.queries.js";
import { InboxCard } from "../inbox/views/inbox-card.js";

/** The private area's landing page. */
export function privateHomePages() {
  const app = new Hono<AppEnv>();
  app.get("/private", async (c) => {
    const me = requirePerson(c);
    authorize(canReadPrivateArea(me));
    const db = c.var.deps.db;
    // The organisation from the list kept until the next write; the card shows only the number of people.
    const org = me.organisationAcronym
      ? await cachedOrganisationByAcronym(c.var.deps, me.organisationAcronym)
      : undefined;
    const colleagues = org ? await countPeople(db, { organisationId: org.id }) : 0;
    const recent = canReadAuditLog(me) ? (await listAudit(db, {}, 1, 8)).rows : [];
    const waiting = await waitingFor(c.var.deps, me);
    const now = c.var.deps.now();
    const manageInbox = canManageInbox(me);
    const inbox = canOpenInbox(me)
      ? await inboxWaiting(db, { manage: manageInbox, organisationId: me.organisationId })
      : null;
    return renderPrivate(c, {
      title: "Private area",
      body: () => (
        <>
          <PageHeader
            title={`Welcome, ${me.name}`}
            lead={[me.roles.map((r) => roleLabels[r]).join(", "), org?.name].filter(Boolean).join(" · ")}
          />
          <WaitingList
            id="waiting-mine"
            title={org ? `Waiting on you and ${org.acronym}` : "Waiting on you"}
            items={waiting.mine}
            now={now}
            empty="Nothing is waiting on you."
          />
          {waiting.chair ? (
            <WaitingList
              id="waiting-chair"
              title="Your groups"
              items={waiting.chair}
              now={now}
              empty="Nothing is waiting on your groups."
            />
          ) : null}
          {waiting.secretariat ? (
            <WaitingList
              id="waiting-secretariat"
              title="For the secretariat"
              items={waiting.secretariat}
              now={now}
              empty="Nothing is waiting on the secretariat."
            />
          ) : null}
          <div class="cards">
            {org ? (
              <article class="card">
                <h2>{org.acronym}</h2>
                <p>
                  {colleagues === 1 ? "1 person represents" : `${colleagues} people represent`} your agency.
                </p>
                <p>
                  <a href={`/private/people?agency=${encodeURIComponent(org.acronym)}`}>
                    See your agency's people
                  </a>
                  {canEditAgencyProfile(me, org.id) ? (
                    <>
                      {" · "}
                      <a href={`/private/members/${org.slug}/edit`}>Edit its public profile</a>
                    </>
                  ) : null}
                </p>
              </article>
            ) : null}
            {inbox !== null ? <InboxCard waiting={inbox} manage={manageInbox} /> : null}
            <article class="card">
              <h2>Directory</h2>
              <p>Member organisations and the people who represent them, with contact details.</p>
              <p>
                <a href="/private/members">Organisations</a> · <a href="/private/people">People</a>
              </p>
            </article>
          </div>
          {recent.length ? (
            <section class="section">
              <h2>Recent changes</h2>
              <ul class="plain activity">
                {recent.map((r) => (
                  <li>
                    <span class="muted">{formatTimestamp(r.at)}</span> {r.actorName}: {r.summary}
                  </li>
                ))}
              </ul>
              <p>
                <a href="/private/audit">Full audit log</a>
              </p>
            </section>
          ) : null}
        </>
      ),
    });
  });
  return app;
}
