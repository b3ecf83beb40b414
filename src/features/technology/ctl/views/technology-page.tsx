import type { Person } from "../../../../http/actor.js";
import { EmptyState, PageHeader, Tag } from "../../../../web/components.js";
import { destinationLabels } from "../../../roadmap/roadmap.schemas.js";
import type { Capability, Need } from "../../records/records.queries.js";
import { CapabilityTable, NeedTable } from "../../records/views/records.js";
import { canAddCapabilities, canAddNeeds, canEditTechnologyList } from "../../technology.policy.js";
import type { DatasetKind, Technology } from "../../technology.queries.js";
import { DatasetSwitch, DemoNotice } from "../../views/gap-dataset.js";

/** One technology of the list: where it is needed, and its capabilities and needs in the dataset. */
export function TechnologyPage(p: {
  t: Technology;
  actor: Person;
  dataset: DatasetKind;
  hasDemo: boolean;
  caps: Capability[];
  needs: Need[];
}) {
  const { t, actor, dataset } = p;
  const editable = dataset === "real";
  return (
    <>
      <PageHeader
        eyebrow={`${t.areaCode} · ${t.areaName}`}
        title={`${t.code} ${t.title}`}
        lead={t.description || undefined}
        actions={
          canEditTechnologyList(actor) ? (
            <a class="button button-quiet" href={`/private/technology/${t.code}/edit`}>
              Edit technology
            </a>
          ) : undefined
        }
      />
      <dl class="details">
        <dt>Destinations that need it</dt>
        <dd>{t.destinations.map((d) => destinationLabels[d]).join(", ") || "Not recorded"}</dd>
        {t.uncertain ? (
          <>
            <dt>Certainty</dt>
            <dd>
              <Tag tone="warn">Uncertain</Tag> {t.uncertainNote}
            </dd>
          </>
        ) : null}
      </dl>
      <DatasetSwitch dataset={dataset} hasDemo={p.hasDemo} path={`/private/technology/${t.code}`} />
      <DemoNotice dataset={dataset} />
      <h2>Capabilities</h2>
      {p.caps.length ? (
        <CapabilityTable
          rows={p.caps}
          actor={actor}
          caption={`Capabilities for ${t.code}`}
          hideTechnology
          editable={editable}
        />
      ) : (
        <EmptyState title="No agency has recorded a capability for this technology." />
      )}
      {canAddCapabilities(actor) ? (
        <p>
          <a href={`/private/technology/capabilities/new?technology=${t.code}`}>Record a capability</a>
        </p>
      ) : null}
      <h2>Needs</h2>
      {p.needs.length ? (
        <NeedTable
          rows={p.needs}
          actor={actor}
          caption={`Needs for ${t.code}`}
          hideTechnology
          editable={editable}
        />
      ) : (
        <EmptyState title="No mission or element has recorded a need for this technology." />
      )}
      {canAddNeeds(actor) ? (
        <p>
          <a href={`/private/technology/needs/new?technology=${t.code}`}>Record a need</a>
        </p>
      ) : null}
    </>
  );
}
