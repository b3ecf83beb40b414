import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { reportPdf } from "../../src/features/reports/document/pdf.export.js";
import { reportForReader } from "../../src/features/reports/reports.service.js";
import { systemActor } from "../../src/http/actor.js";
import { useTestDatabase } from "../support/database.js";
import { follow, objectsWhere, pdfObjects } from "../support/pdf-objects.js";

const t = useTestDatabase();
const dir = mkdtempSync(join(tmpdir(), "report-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const made = new Map<boolean, Promise<string>>();

/** The 2023 report as a file, made once per variant: every test only reads it. */
function pdf2023(statistics = false) {
  if (!made.has(statistics))
    made.set(
      statistics,
      (async () => {
        const doc = await reportForReader(t.deps, systemActor(), 2023);
        const file = join(dir, `report-${statistics}.pdf`);
        writeFileSync(file, await reportPdf(doc, { statistics }));
        return file;
      })(),
    );
  return made.get(statistics)!;
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

  it("keeps each figure on the page of the heading that introduces it", async () => {
    const pages = execFileSync("pdftotext", [await pdf2023(), "-"], { encoding: "utf8" }).split("\f");
    // The last page naming it: the contents page names every heading too.
    const pageOf = (text: string) => pages.findLastIndex((p) => p.includes(text));
    expect(pageOf("Figure 1 – Meetings of 2023")).toBe(pageOf("2.1 The year in figures"));
    expect(pageOf("Figure 2 – Members at the end")).toBe(pageOf("Annex II – Members"));
  });

  it("embeds every font it uses, as PDF/UA requires", async () => {
    const file = await pdf2023();
    const listed = execFileSync("pdffonts", [file], { encoding: "utf8" })
      .split("\n")
      .slice(2)
      .filter(Boolean);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    for (const line of listed) expect(line, line).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    // The same from the dictionaries: a standard-14 font has no descriptor, so no font file.
    const objects = pdfObjects(readFileSync(file));
    const fonts = objectsWhere(objects, /\/Type \/Font\b/);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      // A composite font is drawn by its descendant, itself a /Font checked in this same loop.
      if (/\/Subtype \/Type0/.test(font.dict)) expect(font.dict).toMatch(/\/DescendantFonts \[\d+ 0 R\]/);
      else
        expect(follow(objects, font.dict, "FontDescriptor")?.dict, font.dict).toMatch(
          /\/FontFile[23]? \d+ 0 R/,
        );
    }
  });

  it("declares its structure, language and title for assistive technology", async () => {
    const objects = pdfObjects(readFileSync(await pdf2023()));
    const catalog = objectsWhere(objects, /\/Type \/Catalog/)[0]!;
    expect(catalog.dict).toMatch(/\/Lang \(en-GB\)/);
    expect(follow(objects, catalog.dict, "MarkInfo")?.dict).toMatch(/\/Marked true/);
    expect(follow(objects, catalog.dict, "ViewerPreferences")?.dict).toMatch(/\/DisplayDocTitle true/);
    expect(follow(objects, catalog.dict, "StructTreeRoot")?.dict).toMatch(/\/Type \/StructTreeRoot/);
    const xmp = follow(objects, catalog.dict, "Metadata")?.stream ?? "";
    expect(xmp).toMatch(/<dc:title>[\s\S]*ISECG Annual Report 2023/);
    expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    const tags = (tag: string) => objectsWhere(objects, new RegExp(`/S /${tag}\\n`));
    for (const tag of ["H1", "H2", "P", "L", "LI", "Table", "TR", "TH", "TD", "Figure", "Caption", "TOC"])
      expect(tags(tag).length, tag).toBeGreaterThan(0);
    expect(tags("H1").length).toBeGreaterThanOrEqual(10);
    for (const th of tags("TH")) expect(th.dict).toMatch(/\/A <<\s*\/O \/Table\s*\/Scope \/Column\s*>>/);
    for (const figure of tags("Figure")) expect(figure.dict).toMatch(/\/Alt \((Timeline|Bar chart)[^)]{20,}/);
  });

  it("marks the running footer and page numbers as artifacts on every page after the cover", async () => {
    const objects = pdfObjects(readFileSync(await pdf2023()));
    const pages = objectsWhere(objects, /\/Type \/Page\b/);
    expect(pages.length).toBeGreaterThan(8);
    const withFooter = pages.filter((p) =>
      /\/Artifact <<\s*\/Type \/Pagination/.test(follow(objects, p.dict, "Contents")?.stream ?? ""),
    );
    expect(withFooter.length).toBe(pages.length - 1);
  });

  it("adds the participation annex only when asked", async () => {
    const text = execFileSync("pdftotext", [await pdf2023(true), "-"], { encoding: "utf8" });
    expect(text).toContain("Annex V – Participation in 2023");
  });
});
