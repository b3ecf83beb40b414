import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Every source file under `dir` (tests left out), by path. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const files = sources("src");
const text = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));
const policyFiles = files.filter((f) => f.endsWith(".policy.ts"));

/**
 * A policy that no route or use case calls is a rule the platform does not enforce, however well it
 * is tested: each exported policy must be used outside its file (or by another policy in it).
 */
describe("conventions: policies", () => {
  it.each(policyFiles)("every policy %s exports is used by the code", (file) => {
    const own = text.get(file)!;
    const names = [...own.matchAll(/^export (?:const|function|async function) (\w+)/gm)].map((m) => m[1]!);
    const unused = names.filter((name) => {
      const word = new RegExp(`\\b${name}\\b`);
      if ((own.match(new RegExp(word, "g"))?.length ?? 0) > 1) return false;
      return !files.some((f) => f !== file && word.test(text.get(f)!));
    });
    expect(unused, `${file} exports policies nothing calls`).toEqual([]);
  });
});
