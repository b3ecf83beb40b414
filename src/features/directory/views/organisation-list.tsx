import type { Person } from "../../../http/actor.js";
import { Notice, PageHeader, Tag } from "../../../web/components.js";
import { DataTable } from "../../../web/table.js";
import { canEditAgencyProfile } from "../directory.policy.js";
import type { Organisation } from "../directory.queries.js";

/** The member organisations, with a link to each one's public page and, where allowed, its forms. */
export function OrganisationList(p: {
  orgs: Organisation[];
  actor: Person;
  manage: boolean;
  notice: string | undefined;
}) {
  const { orgs, actor, manage } = p;
  return (
    <>
      <PageHeader
        title="Member organisations"
        lead={`${orgs.filter((o) => !o.leftOn).length} current members.`}
        actions={
          manage ? (
            <a class="button" href="/private/members/new">
              Add an organisation
            </a>
          ) : undefined
        }
      />
      <Notice text={p.notice} />
      <DataTable
        label="Organisations"
        rows={orgs}
        columns={[
          { heading: "Acronym", cell: (o) => <a href={`/members/${o.slug}`}>{o.acronym}</a> },
          {
            heading: "Name",
            cell: (o) => (
              <>
                {o.name}
                {canEditAgencyProfile(actor, o.id) ? (
                  <div class="small">
                    <a href={`/private/members/${o.slug}/edit`}>
                      Edit<span class="visually-hidden"> {o.acronym}</span>
                    </a>
                    {manage ? (
                      <>
                        {" · "}
                        <a href={`/private/members/${o.slug}/sso`}>
                          Single sign-on<span class="visually-hidden"> for {o.acronym}</span>
                        </a>
                      </>
                    ) : null}
                  </div>
                ) : null}
              </>
            ),
          },
          { heading: "Country", cell: (o) => o.country },
          {
            heading: "Status",
            cell: (o) =>
              o.leftOn ? <Tag tone="warn">left {o.leftOn.slice(0, 4)}</Tag> : <Tag tone="ok">member</Tag>,
          },
        ]}
      />
    </>
  );
}
