import { EmptyState, Notice, PageHeader } from "../../../../web/components.js";
import type { AreaRow, DatasetKind, GapInputs, Technology } from "../../technology.queries.js";
import { DatasetSwitch, DemoNotice, datasetQuery } from "../../views/gap-dataset.js";
import { CtlList } from "./ctl-list.js";

/** The private Critical Technology List: links to the records, then the list by area. */
export function CtlPage(p: {
  dataset: DatasetKind;
  hasDemo: boolean;
  areas: AreaRow[];
  technologies: Technology[];
  inputs: GapInputs;
  editor: boolean;
  notice: string | undefined;
}) {
  const { dataset } = p;
  return (
    <>
      <PageHeader
        title="Critical Technology List"
        lead="The technologies exploration needs, by area, with who is developing them and which missions need them."
        actions={
          p.editor ? (
            <>
              <a class="button" href="/private/technology/new">
                Add a technology
              </a>
              <a class="button button-quiet" href="/private/technology/areas/new">
                Add an area
              </a>
            </>
          ) : undefined
        }
      />
      <Notice text={p.notice} />
      <DatasetSwitch dataset={dataset} hasDemo={p.hasDemo} path="/private/technology" />
      <DemoNotice dataset={dataset} />
      <p>
        <a href={`/private/technology/capabilities${datasetQuery(dataset)}`}>Agencies' capabilities</a>
        {" · "}
        <a href={`/private/technology/needs${datasetQuery(dataset)}`}>Mission needs</a>
        {" · "}
        <a href="/private/technology/data">Import and export</a>
      </p>
      {p.inputs.technologies.length === 0 ? (
        <EmptyState title="The list is empty.">The secretariat adds areas and technologies.</EmptyState>
      ) : (
        <CtlList areas={p.areas} technologies={p.technologies} inputs={p.inputs} editor={p.editor} />
      )}
    </>
  );
}
