import { describe, expect, it } from "vitest";
import { csvCell, parseCsv, toCsv } from "./csv.js";

describe("reading CSV", () => {
  it("reads a header and records with the line each record starts on", () => {
    const parsed = parseCsv("slug,name\r\na,Alpha\r\nb,Beta\r\n");
    expect(parsed.header).toEqual(["slug", "name"]);
    expect(parsed.rows).toEqual([
      { line: 2, values: { slug: "a", name: "Alpha" } },
      { line: 3, values: { slug: "b", name: "Beta" } },
    ]);
    expect(parsed.errors).toEqual([]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, counting physical lines", () => {
    const text = 'slug,note\n"a","one, two"\n"b","say ""hi""\nsecond line\r\nthird"\nc,plain\n';
    const { rows } = parseCsv(text);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 6]);
    expect(rows.map((r) => r.values)).toEqual([
      { slug: "a", note: "one, two" },
      { slug: "b", note: 'say "hi"\nsecond line\r\nthird' },
      { slug: "c", note: "plain" },
    ]);
  });

  it("accepts LF, CRLF and CR line ends, a byte order mark, and no final line break", () => {
    const expected = [{ slug: "a" }, { slug: "b" }, { slug: "c" }];
    for (const text of ["\uFEFFslug\na\nb\nc", "slug\r\na\r\nb\r\nc\r\n", "slug\ra\rb\rc\r"]) {
      const parsed = parseCsv(text);
      expect(parsed.header).toEqual(["slug"]);
      expect(parsed.rows.map((r) => r.values)).toEqual(expected);
    }
  });

  it("skips blank lines, including several at the end, but keeps the line numbers true", () => {
    const parsed = parseCsv("slug,name\n\na,A\n\n\nb,B\n\n\n");
    expect(parsed.rows.map((r) => [r.line, r.values.slug])).toEqual([
      [3, "a"],
      [6, "b"],
    ]);
  });

  it("keeps empty cells and a trailing empty cell", () => {
    const { rows } = parseCsv('a,b,c\n,,\n"",x,\n');
    expect(rows.map((r) => r.values)).toEqual([
      { a: "", b: "", c: "" },
      { a: "", b: "x", c: "" },
    ]);
  });

  it("reports records with the wrong number of fields and leaves them out", () => {
    const parsed = parseCsv("a,b\n1,2\n1,2,3\n4\n5,6\n");
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(parsed.errors).toEqual([
      { line: 3, field: "row", reason: "This record has 3 fields; the header has 2." },
      { line: 4, field: "row", reason: "This record has 1 fields; the header has 2." },
    ]);
  });

  it("reports an unclosed quote at the line where its record starts", () => {
    const parsed = parseCsv('a,b\n1,2\n3,"never closed\nmore\n');
    expect(parsed.rows.map((r) => r.line)).toEqual([2]);
    expect(parsed.errors).toEqual([
      { line: 3, field: "row", reason: "A quoted field is never closed: a double quote is missing." },
    ]);
  });

  it("reports duplicate and unnamed columns", () => {
    const parsed = parseCsv("a,a,\n1,2,3\n");
    expect(parsed.errors.map((e) => e.field)).toEqual(["a", "row"]);
  });

  it("reads an empty document as no header and no rows", () => {
    expect(parseCsv("")).toEqual({ header: [], rows: [], errors: [] });
    expect(parseCsv("\uFEFF\r\n")).toEqual({ header: [], rows: [], errors: [] });
  });
});

describe("writing CSV", () => {
  it("quotes only what needs quoting and ends lines with CRLF", () => {
    expect(toCsv(["a", "b"], [["x", "y, z"]])).toBe('a,b\r\nx,"y, z"\r\n');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(["ESA", "NASA"])).toBe("ESA; NASA");
  });

  it("defuses formula-like cells so spreadsheets do not run them", () => {
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("-12")).toBe("-12");
  });

  it("writes records keyed by header name", () => {
    expect(toCsv(["a", "b"], [{ b: 2, a: 1 }, { a: "only" }])).toBe("a,b\r\n1,2\r\nonly,\r\n");
  });

  it("reads back exactly what it writes, formula-like text and apostrophes included", () => {
    const values = ["plain", "=1+2", "'=kept", "''+x", "a,b", 'q"uote', "multi\r\nline", "", "'single"];
    const text = toCsv(
      ["v"],
      values.map((v) => [v]),
    );
    expect(parseCsv(text).rows.map((r) => r.values.v)).toEqual(values);
  });
});
