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

/** Names of exported functions that use another verb for creating or deleting a record. */
function otherVerbs(text: string): string[] {
  return [...text.matchAll(/export (?:async )?function ((?:add|remove|make|insert|destroy)[A-Z]\w*)/g)].map(
    (m) => m[1]!,
  );
}

describe("one verb per act", () => {
  it("names the use cases that make or drop a record create… and delete…", () => {
    const found = sources().flatMap(({ path, text }) =>
      otherVerbs(text).map((name) => `${path.slice(srcDir.length + 1)}: ${name}`),
    );
    expect(found).toEqual([]);
  });

  it("catches add…, remove… and the like", () => {
    expect(otherVerbs("export async function addMission(\nexport function removeLogo(")).toEqual([
      "addMission",
      "removeLogo",
    ]);
    expect(otherVerbs("export async function createMission(")).toEqual([]);
  });
});
