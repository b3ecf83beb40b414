import type { Person } from "../../../../http/actor.js";
import { EmptyState, Notice, PageHeader, Pagination } from "../../../../web/components.js";
import type { DatasetKind } from "../../technology.queries.js";
import { DatasetSwitch, DemoNotice, datasetQuery } from "../../views/gap-dataset.js";
import type { Need } from "../records.queries.js";
import { NeedTable } from "./records.js";

export const NEEDS = "/private/technology/needs";

/** Missions' and architecture elements' technology needs, real or demonstration, a page at a time. */
export function NeedList(p: {
  actor: Person;
  canAdd: boolean;
  notice: string | undefined;
  dataset: DatasetKind;
  hasDemo: boolean;
  rows: Need[];
  total: number;
  page: number;
  perPage: number;
}) {
  const { dataset } = p;
  return (
    <>
      <PageHeader
        eyebrow="Critical Technology List"
        title="Technology needs"
        lead="Which mission or architecture element needs which technology, at what readiness level and by when. The lead agency's focal points set a mission's needs; chairs and the secretariat set an element's."
        actions={
          p.canAdd && dataset === "real" ? (
            <a class="button" href={`${NEEDS}/new`}>
              Record a need
            </a>
          ) : undefined
        }
      />
      <Notice text={p.notice} />
      <DatasetSwitch dataset={dataset} hasDemo={p.hasDemo} path={NEEDS} />
      <DemoNotice dataset={dataset} />
      <p>
        <a href="/private/technology">The list</a>
      </p>
      {p.rows.length ? (
        <NeedTable
          rows={p.rows}
          actor={p.actor}
          caption={`Technology needs (${p.total})`}
          editable={dataset === "real"}
        />
      ) : (
        <EmptyState title="No need is recorded here yet." />
      )}
      <Pagination
        page={p.page}
        pages={Math.ceil(p.total / p.perPage)}
        href={(n) => `${NEEDS}${datasetQuery(dataset, { page: String(n) })}`}
      />
    </>
  );
}
