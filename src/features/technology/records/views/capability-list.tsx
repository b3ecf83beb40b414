import type { Person } from "../../../../http/actor.js";
import { EmptyState, Notice, PageHeader, Pagination } from "../../../../web/components.js";
import type { Organisation } from "../../../directory/directory.queries.js";
import type { DatasetKind } from "../../technology.queries.js";
import { DatasetSwitch, DemoNotice, datasetQuery } from "../../views/gap-dataset.js";
import type { Capability } from "../records.queries.js";
import { CapabilityTable } from "./records.js";

export const CAPABILITIES = "/private/technology/capabilities";

/** Agencies' capabilities, real or demonstration, filtered by agency, a page at a time. */
export function CapabilityList(p: {
  actor: Person;
  canAdd: boolean;
  notice: string | undefined;
  dataset: DatasetKind;
  hasDemo: boolean;
  agency: string;
  /** The agency filtered on, when it is known. */
  org: Organisation | undefined;
  agencies: Organisation[];
  rows: Capability[];
  total: number;
  page: number;
  perPage: number;
}) {
  const { actor, dataset, agency } = p;
  return (
    <>
      <PageHeader
        eyebrow="Critical Technology List"
        title="Capabilities"
        lead="Each agency's current and target technology readiness levels. Only the agency's focal points and the secretariat change them; members of every agency read them. They are not public."
        actions={
          p.canAdd && dataset === "real" ? (
            <a class="button" href={`${CAPABILITIES}/new`}>
              Record a capability
            </a>
          ) : undefined
        }
      />
      <Notice text={p.notice} />
      <DatasetSwitch dataset={dataset} hasDemo={p.hasDemo} path={CAPABILITIES} extra={{ agency }} />
      <DemoNotice dataset={dataset} />
      <form method="get" action={CAPABILITIES} class="filters" aria-label="Filter capabilities">
        {dataset === "demo" ? <input type="hidden" name="dataset" value="demo" /> : null}
        <label>
          Agency
          <select name="agency">
            <option value="">All agencies</option>
            {p.agencies.map((o) => (
              <option value={o.acronym} selected={o.acronym.toLowerCase() === agency.toLowerCase()}>
                {o.acronym}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button button-quiet">
          Filter
        </button>
        {actor.organisationAcronym ? (
          <a href={`${CAPABILITIES}${datasetQuery(dataset, { agency: actor.organisationAcronym })}`}>
            My agency's capabilities
          </a>
        ) : null}
        <a href="/private/technology">The list</a>
      </form>
      {p.rows.length ? (
        <CapabilityTable
          rows={p.rows}
          actor={actor}
          caption={`Capabilities${p.org ? ` of ${p.org.acronym}` : ""} (${p.total})`}
          editable={dataset === "real"}
        />
      ) : (
        <EmptyState title="No capability is recorded here yet.">
          {dataset === "real" ? "Focal points record their agency's capabilities." : null}
        </EmptyState>
      )}
      <Pagination
        page={p.page}
        pages={Math.ceil(p.total / p.perPage)}
        href={(n) => `${CAPABILITIES}${datasetQuery(dataset, { agency, page: String(n) })}`}
      />
    </>
  );
}
