import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const srcDir = join(import.meta.dirname, "../../src");

/** Every TypeScript file under src/, with its text. */
function sources(dir = srcDir): Array<{ path: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [{ path, text: readFileSync(path, "utf8") }] : [];
  });
}

/**
 * Names of functions that use another verb for creating or deleting a record: exported ones
 * anywhere, and in a feature every function and handler too (`db/` keeps SQL's own words).
 */
function otherVerbs(text: string, everyFunction = false): string[] {
  const declared = everyFunction
    ? /(?:function|const) ((?:add|remove|make|insert|destroy)[A-Z]\w*)(?:\s*=\s*(?:async\s*)?\(|\s*[<(])/g
    : /export (?:async )?function ((?:add|remove|make|insert|destroy)[A-Z]\w*)/g;
  return [...text.matchAll(declared)].map((m) => m[1]!);
}

describe("one verb per act", () => {
  it("names the use cases that make or drop a record create… and delete…", () => {
    const found = sources().flatMap(({ path, text }) =>
      otherVerbs(text, /\/features\/.*(?<!\.test\.tsx?)$/.test(path)).map(
        (name) => `${path.slice(srcDir.length + 1)}: ${name}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it("catches add…, remove… and the like", () => {
    expect(otherVerbs("export async function addMission(\nexport function removeLogo(")).toEqual([
      "addMission",
      "removeLogo",
    ]);
    expect(otherVerbs("export async function createMission(")).toEqual([]);
    expect(otherVerbs("async function addVersion(c) {\nconst removeLogo = async (c) =>", true)).toEqual([
      "addVersion",
      "removeLogo",
    ]);
  });
});
