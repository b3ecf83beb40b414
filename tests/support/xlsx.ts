import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findAll, parseXml, textOf, type XmlElement } from "./xml.js";

/** A cell as a spreadsheet program would read it: its text, and whether it is marked as a formula. */
export type ReadCell = {
  ref: string;
  value: string;
  type: string | null;
  style: string | null;
  formula: boolean;
};

/** A sheet read back: the cells of each row (by column letter) and every cell in order. */
export type ReadSheet = { rows: string[][]; cells: ReadCell[]; xml: string };

/**
 * Reads an .xlsx independently of the code that wrote it: Info-ZIP's `unzip` opens the archive
 * (checking every entry's CRC), and a strict XML parser reads the parts.
 */
export function readXlsx(bytes: Uint8Array): { parts: string[]; sheet: ReadSheet; styles: XmlElement } {
  const dir = mkdtempSync(join(tmpdir(), "xlsx-"));
  try {
    const file = join(dir, "book.xlsx");
    writeFileSync(file, bytes);
    execFileSync("unzip", ["-tq", file]); // throws when an entry is damaged
    const list = execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).trim().split("\n");
    execFileSync("unzip", ["-q", file, "-d", join(dir, "parts")]);
    const part = (name: string) => readFileSync(join(dir, "parts", name), "utf8");
    for (const name of list) parseXml(part(name)); // every part must be well-formed
    const workbook = parseXml(part("xl/workbook.xml"));
    if (findAll(workbook, "sheet").length === 0) throw new Error("The workbook has no sheet");
    const shared = list.includes("xl/sharedStrings.xml")
      ? findAll(parseXml(part("xl/sharedStrings.xml")), "si").map(textOf)
      : [];
    const xml = part("xl/worksheets/sheet1.xml");
    return { parts: list, sheet: readSheet(xml, shared), styles: parseXml(part("xl/styles.xml")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readSheet(xml: string, shared: string[]): ReadSheet {
  const cells: ReadCell[] = [];
  const rows = findAll(parseXml(xml), "row").map((row) => {
    const out: string[] = [];
    for (const c of findAll(row, "c")) {
      const type = c.attrs.t ?? null;
      const v = findAll(c, "v")[0];
      const value =
        type === "inlineStr"
          ? findAll(c, "t").map(textOf).join("")
          : type === "s"
            ? (shared[Number(textOf(v))] ?? "")
            : textOf(v);
      const ref = c.attrs.r ?? "";
      cells.push({ ref, value, type, style: c.attrs.s ?? null, formula: findAll(c, "f").length > 0 });
      out[columnIndex(ref)] = value;
    }
    return Array.from(out, (v) => v ?? "");
  });
  return { rows, cells, xml };
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? "A";
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}
