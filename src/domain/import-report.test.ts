import { describe, expect, it } from "vitest";
import {
  type CsvSpec,
  chosenFormat,
  detectFormat,
  fieldNamer,
  fieldsOfColumns,
  formatOfContentType,
  type JsonSpec,
  noRecordsError,
  readCsvRecords,
  readJsonRecords,
  readList,
  sortImportErrors,
} from "./import-report.js";

const csvSpec: CsvSpec = {
  columns: { code: "code", long_name: "longName", tags: "tags", url: null },
  cell: (field) => (field === "tags" ? readList : (cell) => cell.trim()),
  missing: (header) =>
    header.includes("code") ? [] : [{ line: 1, field: "code", reason: "The file needs a code." }],
};

const jsonSpec: JsonSpec = {
  fields: new Set(["code", "longName"]),
  record: "thing",
  wrappers: ["things", "data"],
  notAnArray: "Send an array of things.",
};

describe("the format of an import", () => {
  it("is recognised as JSON by its first character (after a byte order mark and spaces), CSV otherwise", () => {
    expect(detectFormat(' \n[{"code":"X"}]')).toBe("json");
    expect(detectFormat('\uFEFF{"data":[]}')).toBe("json");
    expect(detectFormat("code,area\n")).toBe("csv");
  });

  it("is taken from a form's choice or a content type only when it names CSV or JSON", () => {
    expect(chosenFormat("json")).toBe("json");
    expect(chosenFormat("")).toBeUndefined();
    expect(chosenFormat("xml")).toBeUndefined();
    expect(formatOfContentType("application/json; charset=utf-8")).toBe("json");
    expect(formatOfContentType("text/csv")).toBe("csv");
    expect(formatOfContentType("text/plain")).toBeUndefined();
    expect(formatOfContentType(undefined)).toBeUndefined();
  });
});

describe("reading a CSV import", () => {
  it("keys each record's cells by the input's field names, ignoring the columns mapped to nothing", () => {
    const read = readCsvRecords("code,long_name,tags,url\r\nA1, Alpha ,x; ;y,https://e.org\r\n", csvSpec);
    expect(read).toEqual({
      rows: [{ line: 2, values: { code: "A1", longName: "Alpha", tags: ["x", "y"] } }],
      errors: [],
    });
  });

  it("reports unknown columns and those the import needs on line 1, and an empty file", () => {
    const read = readCsvRecords("long_name,colour\nAlpha,red\n", csvSpec);
    expect(read.errors).toEqual([
      {
        line: 1,
        field: "colour",
        reason: 'Unknown column "colour". The columns are: code, long_name, tags, url.',
      },
      { line: 1, field: "code", reason: "The file needs a code." },
    ]);
    expect(readCsvRecords("", csvSpec).errors).toEqual([
      { line: 1, field: "row", reason: "The file is empty." },
    ]);
  });

  it("lets a cell reader report its own problem, on the record's line", () => {
    const spec: CsvSpec = {
      ...csvSpec,
      cell: () => (cell, line, errors) => {
        if (cell === "?") errors.push({ line, field: "code", reason: "Not a code." });
        return cell;
      },
    };
    expect(readCsvRecords("code\nA\n?\n", spec).errors).toEqual([
      { line: 3, field: "code", reason: "Not a code." },
    ]);
  });
});

describe("an import's columns", () => {
  it("name the JSON properties it knows, and a field by its column in a CSV file only", () => {
    expect([...fieldsOfColumns(csvSpec.columns)]).toEqual(["code", "longName", "tags"]);
    const name = fieldNamer(csvSpec.columns);
    expect(name("longName", "csv")).toBe("long_name");
    expect(name("longName", "json")).toBe("longName");
    expect(name("row", "csv")).toBe("row");
  });
});

describe("reading a JSON import", () => {
  it("reads a bare array or one held by a wrapper property, numbering items from 1", () => {
    const rows = [{ line: 1, values: { code: "A" } }];
    expect(readJsonRecords('[{"code":"A"}]', jsonSpec).rows).toEqual(rows);
    expect(readJsonRecords('{"things":[{"code":"A"}]}', jsonSpec).rows).toEqual(rows);
    expect(readJsonRecords('\uFEFF{"data":[{"code":"A"}]}', jsonSpec).rows).toEqual(rows);
  });

  it("reports unknown properties, items that are not objects, and a document that is no array", () => {
    const read = readJsonRecords('[{"code":"A","colour":1}, 3]', jsonSpec);
    expect(read.rows).toEqual([{ line: 1, values: { code: "A" } }]);
    expect(read.errors).toEqual([
      { line: 1, field: "colour", reason: 'Unknown property "colour".' },
      { line: 2, field: "row", reason: "Each thing must be an object." },
    ]);
    expect(readJsonRecords('{"other":[]}', jsonSpec).errors).toEqual([
      { line: 1, field: "row", reason: "Send an array of things." },
    ]);
    expect(readJsonRecords("[{", jsonSpec).errors[0]!.reason).toMatch(/^The file is not valid JSON \(/);
  });

  it("passes each known value through the import's own conversion", () => {
    const spec = { ...jsonSpec, value: (v: unknown) => (typeof v === "number" ? String(v) : v) };
    expect(readJsonRecords('[{"code":4}]', spec).rows[0]!.values).toEqual({ code: "4" });
  });
});

describe("an import's report", () => {
  it("orders problems by line, then field", () => {
    const e = (line: number, field: string) => ({ line, field, reason: "" });
    expect(sortImportErrors([e(3, "a"), e(1, "z"), e(1, "b")])).toEqual([e(1, "b"), e(1, "z"), e(3, "a")]);
  });

  it("names what a file without records lacks", () => {
    expect(noRecordsError("missions")).toEqual({
      line: 1,
      field: "row",
      reason: "The file holds no missions.",
    });
  });
});
