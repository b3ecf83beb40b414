import { describe, expect, it } from "vitest";
import type { ImportError, ImportReportBase } from "../domain/import-report.js";
import { ImportProblems, ImportResult } from "./import-report.js";

const render = async (node: unknown) => String(await (node as Promise<unknown> | string));
const problem = (line: number): ImportError => ({ line, field: "status", reason: "Choose a status." });
const report = (over: Partial<ImportReportBase>): ImportReportBase => ({
  dryRun: true,
  format: "csv",
  rows: 2,
  errors: [],
  ...over,
});

describe("the import result view", () => {
  it("says nothing was changed and lists each problem by line, field and reason", async () => {
    const html = await render(<ImportResult report={report({ errors: [problem(3)] })} />);
    expect(html).toContain("The file cannot be imported yet");
    expect(html).toContain("2 records read. Nothing was changed");
    expect(html).toContain("<caption>1 problem</caption>");
    expect(html).toContain("<td>3</td><td><code>status</code></td><td>Choose a status.</td>");
  });

  it("shows the page's own account of a clean file, under a heading for a check or an import", async () => {
    const checked = await render(
      <ImportResult report={report({})}>
        <p>2 to add</p>
      </ImportResult>,
    );
    expect(checked).toContain("Ready to import");
    expect(checked).toContain("<p>2 to add</p>");
    expect(await render(<ImportResult report={report({ dryRun: false })} />)).toContain("Imported");
  });

  it("numbers JSON problems by item and shows the first 500 of a longer list", async () => {
    const errors = Array.from({ length: 501 }, (_, k) => problem(k + 1));
    const html = await render(<ImportProblems errors={errors} format="json" />);
    expect(html).toContain('<th scope="col">Item</th>');
    expect(html).toContain("<caption>501 problems (the first 500 shown)</caption>");
    expect(html.match(/<tr>/g)).toHaveLength(501);
  });
});
