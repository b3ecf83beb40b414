import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Every file under src/features (tests left out) whose name ends with one of `suffixes`, with its text. */
function featureFiles(...suffixes: string[]): { file: string; text: string }[] {
  return readdirSync("src/features", { recursive: true, encoding: "utf8" })
    .filter((f) => suffixes.some((s) => f.endsWith(s)) && !/\.test\.tsx?$/.test(f))
    .map((file) => ({ file, text: readFileSync(join("src/features", file), "utf8") }));
}

describe("one route shape (docs/conventions.md, Handlers)", () => {
  it("every page group is a table of named handlers (pageGroup), never a Hono sub-app built by hand", () => {
    const subApps = featureFiles(".ts", ".tsx")
      .filter(({ text }) => /new Hono\b/.test(text))
      .map(({ file }) => file);
    expect(subApps).toEqual([]);
  });

  it("pages and views read and write through queries and services, never with SQL of their own", () => {
    const direct = featureFiles(".pages.ts", ".pages.tsx", ".tsx")
      .filter(({ text }) => text.includes('from "drizzle-orm"'))
      .map(({ file }) => file);
    expect(direct).toEqual([]);
  });

  it("the API's answers are named in presenters, not in route files", () => {
    // An import's report is the one exception: kit/imports.ts builds it, the feature names its parts.
    const named = featureFiles(".api.ts").flatMap(({ file, text }) =>
      [...text.matchAll(/\.openapi\("(\w+)"\)/g)]
        .filter((m) => !(m[1] === "ImportProblem" && text.includes("importReportSchema(")))
        .map((m) => `${file}: ${m[1]}`),
    );
    expect(named).toEqual([]);
  });
});
