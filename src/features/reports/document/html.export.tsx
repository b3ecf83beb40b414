import { ReportView } from "../views/report.view.js";
import type { ReportDocument } from "./document.queries.js";
import type { RenderOptions } from "./outline.export.js";

// Enough style for a file opened on its own; the site's stylesheet does the rest on the web.
const css = `body{font:16px/1.55 system-ui,sans-serif;color:#1a1a1a;max-width:46rem;margin:2rem auto;padding:0 1rem}
h1,h2,h3{color:#0b4f8a;line-height:1.25}table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #ccd;padding:.3rem}
.muted{color:#555}.chart{max-width:100%;height:auto}.bar{fill:#0072b2}.grid{stroke:#ddd}.axis{stroke:#999}
.visually-hidden{position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden}`;

/** The report as one standalone HTML file (the command line's `--format html`), links absolute. */
export async function reportHtml(doc: ReportDocument, opts: RenderOptions, baseUrl: string): Promise<string> {
  const body = (await (<ReportView doc={doc} opts={opts} />).toString()).replace(
    /href="\/(?!\/)/g,
    `href="${baseUrl.replace(/\/+$/, "")}/`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.forum.acronym} Annual Report ${doc.year}</title><style>${css}</style></head>
<body>${body}</body></html>
`;
}
