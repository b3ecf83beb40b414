import { type Person, roleLabels } from "../../../http/actor.js";
import { PageHeader } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import type { listAudit } from "../../audit/audit.queries.js";
import type { Organisation } from "../../directory/directory.queries.js";
import { WaitingList } from "../../home/views/waiting-list.js";
import type { Waiting } from "../../home/waiting.service.js";
import { InboxCard } from "../../inbox/views/inbox-card.js";

type AuditEntry = Awaited<ReturnType<typeof listAudit>>["rows"][number];

/** The private area's landing page: what waits on the person, their agency, the inbox, the directory, recent changes. */
export function PrivateHome(p: {
  me: Person;
  org: Organisation | undefined;
  colleagues: number;
  editProfile: boolean;
  waiting: Waiting;
  now: Date;
  inbox: number | null;
  manageInbox: boolean;
  recent: AuditEntry[];
}) {
  const { me, org, colleagues, waiting, now, inbox, recent } = p;
  return (
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
            <p>{colleagues === 1 ? "1 person represents" : `${colleagues} people represent`} your agency.</p>
            <p>
              <a href={`/private/people?agency=${encodeURIComponent(org.acronym)}`}>
                See your agency's people
              </a>
              {p.editProfile ? (
                <>
                  {" · "}
                  <a href={`/private/members/${org.slug}/edit`}>Edit its public profile</a>
                </>
              ) : null}
            </p>
          </article>
        ) : null}
        {inbox !== null ? <InboxCard waiting={inbox} manage={p.manageInbox} /> : null}
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
  );
}
