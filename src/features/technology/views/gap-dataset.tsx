import type { DatasetKind } from "../technology.queries.js";

/** The query string that keeps the dataset choice (and other parameters) on links. */
export function datasetQuery(dataset: DatasetKind, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  if (dataset === "demo") q.set("dataset", "demo");
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The visible warning on every page that shows the demonstration dataset. */
export const DemoNotice = ({ dataset }: { dataset: DatasetKind }) =>
  dataset === "demo" ? (
    <div class="callout demo-notice" role="note">
      <p>
        <strong>Demonstration data, not agency figures.</strong> These capabilities and needs were generated
        to show how the analysis works. They are not any agency's real TRLs or plans.
      </p>
    </div>
  ) : null;

/** Links between the real records and the demonstration dataset; shown only when demo records exist. */
export function DatasetSwitch(p: {
  dataset: DatasetKind;
  hasDemo: boolean;
  path: string;
  extra?: Record<string, string | undefined>;
}) {
  if (!p.hasDemo) return null;
  const link = (d: DatasetKind, label: string) =>
    p.dataset === d ? (
      <strong aria-current="page">{label}</strong>
    ) : (
      <a href={`${p.path}${datasetQuery(d, p.extra)}`}>{label}</a>
    );
  return (
    <nav class="dataset-switch" aria-label="Dataset">
      Dataset: {link("real", "Agencies' records")} · {link("demo", "Demonstration data")}
    </nav>
  );
}
