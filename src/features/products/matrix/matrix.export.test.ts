import { describe, expect, it } from "vitest";
import { readXlsx } from "../../../../tests/support/xlsx.js";
import { findAll } from "../../../../tests/support/xml.js";
import { parseCsv } from "../../../domain/csv.js";
import { type MatrixRow, matrixColumns, matrixCsv, matrixCsvCell, matrixXlsx } from "./matrix.export.js";

const row = (over: Partial<MatrixRow> = {}): MatrixRow => ({
  number: 1,
  agency: "ESA",
  section: "2.1 Lunar surface",
  orphaned: false,
  category: "technical",
  text: "Say which landers.",
  proposedFrom: "several landers",
  proposedTo: "three landers",
  disposition: "accepted",
  rationale: null,
  ...over,
});

const tricky = row({
  number: 2,
  agency: "CNES",
  category: "major",
  text: 'Énergie & "power" <budget>\nsecond line, with a comma',
  proposedFrom: '=HYPERLINK("http://evil")',
  proposedTo: "+1",
  disposition: "rejected",
  rationale: "-2 is out of scope; @see annex",
});

const headers = [
  "No.",
  "Agency",
  "Section",
  "Category",
  "Comment",
  "Proposed change: from",
  "Proposed change: to",
  "Disposition",
  "Rationale",
];

describe("comment resolution matrix as CSV", () => {
  it("starts with a UTF-8 byte order mark and the expected header, with CRLF line ends", () => {
    const csv = matrixCsv([row()]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")[0]).toBe(headers.join(","));
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("reads back with quotes, commas, line breaks and accents intact", () => {
    const parsed = parseCsv(matrixCsv([row(), tricky]));
    expect(parsed.errors).toEqual([]);
    expect(parsed.header).toEqual(headers);
    const r = parsed.rows[1]!.values;
    expect(r.Comment).toBe('Énergie & "power" <budget>\nsecond line, with a comma');
    expect(r.Disposition).toBe("Rejected");
    expect(r.Category).toBe("Major");
  });

  it("defuses cells a spreadsheet would run as formulas, including a leading minus", () => {
    expect(matrixCsvCell("=1+1")).toBe("'=1+1");
    expect(matrixCsvCell("+1")).toBe("'+1");
    expect(matrixCsvCell("-2")).toBe("'-2");
    expect(matrixCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(matrixCsvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(matrixCsvCell(3)).toBe("3");
    expect(matrixCsvCell("plain")).toBe("plain");
  });

  it("shows an open comment as Open and flags an orphaned section", () => {
    const parsed = parseCsv(matrixCsv([row({ disposition: null, orphaned: true })]));
    expect(parsed.rows[0]!.values.Disposition).toBe("Open");
    expect(parsed.rows[0]!.values.Section).toBe("2.1 Lunar surface (section no longer in the text)");
  });
});

describe("comment resolution matrix as a spreadsheet", () => {
  const book = readXlsx(matrixXlsx([row(), tricky]));

  it("is a zip of the Office Open XML parts a spreadsheet program needs", () => {
    expect(book.parts).toEqual(
      expect.arrayContaining([
        "[Content_Types].xml",
        "_rels/.rels",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/worksheets/sheet1.xml",
      ]),
    );
  });

  it("has the header row and one row per comment, cell for cell (empty cells are left out)", () => {
    const [head, first, second] = book.sheet.rows;
    expect(head).toEqual(headers);
    expect(first).toEqual([
      "1",
      "ESA",
      "2.1 Lunar surface",
      "Technical",
      "Say which landers.",
      "several landers",
      "three landers",
      "Accepted",
    ]);
    expect(second![4]).toBe('Énergie & "power" <budget>\nsecond line, with a comma');
    expect(book.sheet.rows).toHaveLength(3);
  });

  it("escapes <, & and quotes in the XML itself", () => {
    expect(book.sheet.xml).toContain("&lt;budget&gt;");
    expect(book.sheet.xml).toContain("Énergie &amp; &quot;power&quot;");
  });

  it("writes formula-like text as text, never as a formula, with the quote-prefix style", () => {
    const formulaLike = book.sheet.cells.filter((c) => /^[=+\-@]/.test(c.value));
    expect(formulaLike.map((c) => c.value)).toEqual([
      '=HYPERLINK("http://evil")',
      "+1",
      "-2 is out of scope; @see annex",
    ]);
    expect(book.sheet.cells.some((c) => c.formula)).toBe(false);
    for (const c of formulaLike) expect(c.type).toBe("inlineStr");
    const xfs = findAll(findAll(book.styles, "cellXfs")[0]!, "xf");
    for (const c of formulaLike) expect(xfs[Number(c.style)]!.attrs.quotePrefix).toBe("1");
  });

  it("keeps the comment number a number", () => {
    const a2 = book.sheet.cells.find((c) => c.ref === "A2")!;
    expect(a2.type).toBeNull();
    expect(a2.value).toBe("1");
  });

  it("drops control characters XML cannot carry instead of writing a broken file", () => {
    const again = readXlsx(matrixXlsx([row({ text: "bell\u0007 and tab\tkept" })]));
    expect(again.sheet.rows[1]![4]).toBe("bell and tab\tkept");
  });

  it("has as many columns as the matrix defines, with a filter on the header", () => {
    expect(matrixColumns).toHaveLength(9);
    expect(book.sheet.xml).toContain('<autoFilter ref="A1:I3"/>');
  });
});
