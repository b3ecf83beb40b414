import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Deps } from "../../deps.js";
import { systemActor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { reportHtml } from "./document/html.export.js";
import { reportMarkdown } from "./document/markdown.export.js";
import { reportPdf } from "./document/pdf.export.js";
import { findReport } from "./reports.queries.js";
import { reportFormat, reportSettingsInput, reportYear } from "./reports.schemas.js";
import { reportForReader } from "./reports.service.js";

const formatOf = (value: string | undefined, out: string | undefined) => {
  if (value) return parseInput(reportFormat, value);
  const ext = out?.split(".").pop();
  return ext === "md" || ext === "pdf" || ext === "json" ? ext : "html";
};

/**
 * `isecg report YEAR [--format html|md|pdf|json] [--out FILE] [--as-of DATE] [--statistics]`: the
 * published edition, or the current draft; `--as-of` recomputes it with the members on that day.
 */
export async function reportCommand(deps: Deps, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string" },
      out: { type: "string" },
      "as-of": { type: "string" },
      statistics: { type: "boolean" },
    },
  });
  if (!positionals[0]) throw new AppError("validation_failed", "Name the year: isecg report YEAR");
  const year = parseInput(reportYear, positionals[0]);
  const membersAsOf = values["as-of"]
    ? parseInput(reportSettingsInput.shape.membersAsOf, values["as-of"])
    : undefined;
  const format = formatOf(values.format, values.out);
  const doc = await reportForReader(deps, systemActor("command line"), year, { membersAsOf });
  const report = await findReport(deps.db, year);
  const opts = { statistics: values.statistics === true || (report?.settings.statisticsPublic ?? false) };
  const output: string | Uint8Array =
    format === "pdf"
      ? await reportPdf(doc, opts)
      : format === "md"
        ? reportMarkdown(doc, opts, deps.config.baseUrl)
        : format === "json"
          ? `${JSON.stringify(doc, null, 2)}\n`
          : await reportHtml(doc, opts, deps.config.baseUrl);
  if (values.out) {
    await writeFile(values.out, output);
    console.error(
      `Wrote the ${doc.status === "draft" ? "draft " : ""}${year} report (${format}) to ${values.out}.`,
    );
  } else process.stdout.write(output);
}
