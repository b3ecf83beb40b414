import { PageHeader } from "../../../../web/components.js";
import type { TechnologyImportReport } from "../import.service.js";
import { type ImportKind, importKinds } from "../read.import.js";
import { ConfirmImport, ImportForm, ImportReportView } from "./import-report.js";

/** What each kind of file holds, as the page names it. */
export const kindLabels: Record<ImportKind, string> = {
  technologies: "Technologies (the list)",
  capabilities: "Capabilities",
  needs: "Needs",
};

/** What was typed or uploaded, and what its check or import found. */
export type DataPageState = {
  values: Record<string, string>;
  report?: TechnologyImportReport;
  errors?: Record<string, string>;
};

/** The export links for every kind, and the import of the kinds this person may import. */
export function TechnologyDataPage(p: {
  state: DataPageState;
  kinds: Array<{ value: string; label: string }>;
  csrf: string;
}) {
  const { state, kinds } = p;
  return (
    <>
      <PageHeader
        eyebrow="Critical Technology List"
        title="Import and export"
        lead="The list, the agencies' capabilities and the needs as CSV or JSON. Exports hold the agencies' records only, never the demonstration data."
      />
      <h2>Export</h2>
      <ul>
        {importKinds.map((k) => (
          <li>
            {kindLabels[k]}: <a href={`/private/technology/data/${k}.csv`}>CSV</a> ·{" "}
            <a href={`/private/technology/data/${k}.json`}>JSON</a>
          </li>
        ))}
      </ul>
      <h2>Import</h2>
      {kinds.length === 0 ? (
        <p class="muted">Focal points, chairs and the secretariat import records; your role reads them.</p>
      ) : (
        <>
          <p>
            Records are matched by code (technologies), by agency and technology (capabilities) or by id
            (needs; without an id a need is added). Nothing is deleted. Check the file first: the dry run
            lists every problem by line and field, and the import is all or nothing.
          </p>
          {state.report ? (
            <ImportReportView report={state.report}>
              <ConfirmImport csrf={p.csrf} text={state.values.content ?? ""} report={state.report} />
            </ImportReportView>
          ) : null}
          <ImportForm csrf={p.csrf} kinds={kinds} values={state.values} errors={state.errors} />
        </>
      )}
    </>
  );
}
