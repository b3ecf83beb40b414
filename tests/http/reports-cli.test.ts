import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { reportCommand } from "../../src/features/reports/reports.cli.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();
const dir = mkdtempSync(join(tmpdir(), "report-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("isecg report", () => {
  it("writes the 2023 report as a PDF, Markdown or a standalone HTML file", async () => {
    await reportCommand(t.deps, ["2023", "--format", "pdf", "--out", join(dir, "r.pdf")]);
    expect(readFileSync(join(dir, "r.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    await reportCommand(t.deps, ["2023", "--out", join(dir, "r.md")]);
    expect(readFileSync(join(dir, "r.md"), "utf8")).toContain("## 1 Executive summary");
    await reportCommand(t.deps, ["2023", "--out", join(dir, "r.html")]);
    const html = readFileSync(join(dir, "r.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("Annex III – Working groups");
  });

  it("lists the members on another day with --as-of", async () => {
    await reportCommand(t.deps, [
      "2023",
      "--format",
      "json",
      "--as-of",
      "2018-06-30",
      "--out",
      join(dir, "r.json"),
    ]);
    const doc = JSON.parse(readFileSync(join(dir, "r.json"), "utf8"));
    expect(doc.data.membersAsOf).toBe("2018-06-30");
    expect(doc.data.members.total).toBe(15);
  });

  it("says what is wrong with its arguments", async () => {
    await expect(reportCommand(t.deps, [])).rejects.toThrow("Name the year");
    await expect(reportCommand(t.deps, ["2023", "--format", "docx"])).rejects.toMatchObject({
      fields: { _form: "Use html, md, pdf or json." },
    });
    await expect(reportCommand(t.deps, ["2023", "--as-of", "yesterday"])).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(reportCommand(t.deps, ["2031"])).rejects.toMatchObject({ code: "not_found" });
  });
});
