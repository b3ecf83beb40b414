import { type Role, roles } from "../../../db/schema/index.js";
import { roleLabels } from "../../../http/actor.js";
import { EmptyState, Notice, PageHeader, Pagination, Tag } from "../../../web/components.js";
import { DataTable } from "../../../web/table.js";
import type { listPeople, Organisation } from "../directory.queries.js";

/** The people directory: filters, the table (names link to the secretariat's forms), its pages. */
export function PeopleList(p: {
  rows: Awaited<ReturnType<typeof listPeople>>["rows"];
  total: number;
  page: number;
  pages: number;
  href: (page: number) => string;
  manage: boolean;
  notice: string | undefined;
  q: string;
  role: Role | undefined;
  org: Organisation | undefined;
  orgs: Organisation[];
}) {
  const { manage, total } = p;
  return (
    <>
      <PageHeader
        title="People"
        lead={`${total} ${total === 1 ? "person" : "people"} found.`}
        actions={
          manage ? (
            <a class="button" href="/private/people/new">
              Add a person
            </a>
          ) : undefined
        }
      />
      <Notice text={p.notice} />
      <form method="get" action="/private/people" class="filters">
        <label>
          Name or e-mail <input type="search" name="q" value={p.q} />
        </label>
        <label>
          Organisation
          <select name="agency">
            <option value="">All</option>
            {p.orgs.map((o) => (
              <option value={o.acronym} selected={o.id === p.org?.id}>
                {o.acronym}
              </option>
            ))}
          </select>
        </label>
        <label>
          Role
          <select name="role">
            <option value="">All</option>
            {roles.map((r) => (
              <option value={r} selected={r === p.role}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
        </label>
        <button class="button button-quiet" type="submit">
          Filter
        </button>
      </form>
      <DataTable
        label="People"
        rows={p.rows}
        empty={
          <EmptyState title="Nobody matches these filters.">
            {manage ? <a href="/private/people/new">Add a person</a> : "Try other filters."}
          </EmptyState>
        }
        columns={[
          {
            heading: "Name",
            cell: ({ person }) => (
              <>
                {manage ? <a href={`/private/people/${person.id}/edit`}>{person.name}</a> : person.name}
                {person.active ? null : (
                  <>
                    {" "}
                    <Tag tone="warn">inactive</Tag>
                  </>
                )}
                {person.jobTitle ? <div class="muted small">{person.jobTitle}</div> : null}
              </>
            ),
          },
          { heading: "Organisation", cell: ({ acronym }) => acronym ?? "Secretariat" },
          {
            heading: "E-mail",
            cell: ({ person }) => <a href={`mailto:${person.email}`}>{person.email}</a>,
          },
          { heading: "Roles", cell: ({ person }) => person.roles.map((r) => roleLabels[r]).join(", ") },
        ]}
      />
      <Pagination page={p.page} pages={p.pages} href={p.href} />
    </>
  );
}
