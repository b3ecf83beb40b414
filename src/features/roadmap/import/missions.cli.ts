import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Deps } from "../../../deps.js";
import type { ImportFormat } from "../../../domain/import-report.js";
import { systemActor } from "../../../http/actor.js";
import { AppError } from "../../../http/errors.js";
import { ImportRejected } from "../../../kit/imports.js";
import { missionsCsv } from "../roadmap.export.js";
import { missionValues } from "../roadmap.presenter.js";
import { listMissions } from "../roadmap.queries.js";
import { type ImportReport, importMissions } from "./mission-import.service.js";

const formatOption = (value: string | undefined, file?: string): ImportFormat | undefined => {
  if (value === "csv" || value === "json") return value;
  if (value) throw new AppError("validation_failed", `Unknown format "${value}": use csv or json.`);
  if (file?.endsWith(".json")) return "json";
  if (file?.endsWith(".csv")) return "csv";
  return undefined;
};

function printReport(report: ImportReport, out: (line: string) => void) {
  const verb = report.dryRun ? "would be" : "were";
  out(
    `${report.rows} records read (${report.format.toUpperCase()}): ${report.created.length} missions ${verb} added, ${report.updated.length} changed, ${report.unchanged} unchanged.`,
  );
  for (const e of report.errors) out(`  line ${e.line}, ${e.field}: ${e.reason}`);
}

/** `isecg import missions FILE [--dry-run] [--format csv|json]`, as the secretariat (the command line). */
async function importCommand(deps: Deps, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" }, format: { type: "string" } },
  });
  const file = positionals[0];
  if (!file) throw new AppError("validation_failed", "Name the file to import: isecg import missions FILE");
  const text = await readFile(file, "utf8");
  const dryRun = values["dry-run"] === true;
  try {
    const report = await importMissions(deps, systemActor("command line"), {
      text,
      format: formatOption(values.format, file),
      dryRun,
    });
    printReport(report, console.log);
    if (report.errors.length) process.exitCode = 1;
  } catch (e) {
    if (!(e instanceof ImportRejected)) throw e;
    console.error(e.message);
    printReport(e.report, console.error);
    process.exitCode = 1;
  }
}

/** `isecg export missions [--format csv|json] [--out FILE]`: every mission, as the website exports them. */
async function exportCommand(deps: Deps, args: string[]) {
  const { values } = parseArgs({ args, options: { format: { type: "string" }, out: { type: "string" } } });
  const format = formatOption(values.format, values.out) ?? "csv";
  const list = await listMissions(deps.db);
  const text =
    format === "csv"
      ? missionsCsv(list, deps.config.baseUrl)
      : `${JSON.stringify({ data: list.map(missionValues) }, null, 2)}\n`;
  if (values.out) {
    await writeFile(values.out, text);
    console.error(`Wrote ${list.length} missions to ${values.out}.`);
  } else process.stdout.write(text);
}

/** The missions' import and export commands. */
export function missionsCommand(deps: Deps, command: "import" | "export", args: string[]): Promise<void> {
  return command === "import" ? importCommand(deps, args) : exportCommand(deps, args);
}
