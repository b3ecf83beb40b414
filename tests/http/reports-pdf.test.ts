import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/features/auth/actor.js";
import { reportPdf } from "../../src/features/reports/reports.pdf.js";
import { reportForReader } from "../../src/features/reports/reports.service.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();
const dir = mkdtempSync(join(tmpdir(), "report-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdf2023(statistics = false) {
  const doc = await reportForReader(t.deps, systemActor(), 2023);
  const file = join(dir, `report-${statistics}.pdf`);
  writeFileSync(file, await reportPdf(doc, { statistics }));
  return file;
}

describe("the annual report as PDF", () => {
  it("is tagged, titled and in English", async () => {
    const info = execFileSync("pdfinfo", [await pdf2023()], { encoding: "utf8" });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+ISECG Annual Report 2023/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(8);
  });

  it("extracts its text in reading order, with the contents' page numbers matching the headings", async () => {
    const file = await pdf2023();
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    const order = [
      "Annual Report 2023",
      "Contents",
      "1 Executive summary",
      "2 Highlights and achievements in 2023",
      "3 Outlook for 2024",
      "Major international events in 2023",
      "Annex I – Publications",
      "Annex II – Members",
      "Annex III – Working groups",
      "Annex IV – ISECG at a glance",
    ];
    const body = text.slice(text.indexOf("Contents") + 8);
    const afterContents = body.slice(body.indexOf("\f"));
    let at = 0;
    for (const h of order.slice(2)) {
      const i = afterContents.indexOf(h, at);
      expect(i, h).toBeGreaterThanOrEqual(at);
      at = i;
    }
    const pages = text.split("\f");
    const contents = pages[1]!;
    const line = contents.split("\n").find((l) => l.includes("Annex II – Members"))!;
    const page = Number(/(\d+)\s*$/.exec(line)![1]);
    expect(pages[page - 1]).toContain("Annex II – Members");
    expect(text).toContain("Korea Aerospace Research Institute");
    expect(text).not.toContain("Participation in 2023");
  });

  it("adds the participation annex only when asked", async () => {
    const text = execFileSync("pdftotext", [await pdf2023(true), "-"], { encoding: "utf8" });
    expect(text).toContain("Annex V – Participation in 2023");
  });
});
