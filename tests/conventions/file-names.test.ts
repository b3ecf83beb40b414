import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The roles a file in a feature may have, as the last part of its name before the extension
 * (`rounds.service.ts`, `import/read.import.ts`); docs/conventions.md says what each is for.
 */
const roles = [
  "schemas",
  "queries",
  "service",
  "policy",
  "pages",
  "api",
  "presenter",
  "jobs",
  "mails",
  "seed",
  "export",
  "import",
  "cli",
];

const featuresDir = join(import.meta.dirname, "../../src/features");
const named = new RegExp(`^[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(${roles.join("|")})\\.(ts|tsx|mjs)$`);

/** Every file under src/features, as a path relative to it. */
function featureFiles(dir = featuresDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? featureFiles(join(dir, entry.name))
      : [relative(featuresDir, join(dir, entry.name))],
  );
}

/** True when a file's name is allowed where it stands. */
function isWellNamed(path: string): boolean {
  const parts = path.split("/");
  const name = parts.at(-1)!;
  if (parts.length === 2 && name === "index.ts") return true; // a feature's entry
  if (parts.includes("views")) return /\.tsx?$/.test(name); // components, any name
  if (/\.test\.tsx?$/.test(name)) return true; // tests sit beside what they test
  if (name.endsWith(".json")) return true; // data the feature reads
  return named.test(name);
}

describe("file names in features", () => {
  it("say their role", () => {
    expect(featureFiles().filter((path) => !isWellNamed(path))).toEqual([]);
  });

  it("refuse a name without a role or with one not on the list", () => {
    expect(isWellNamed("meetings/sessions.ts")).toBe(false);
    expect(isWellNamed("products/products.load.ts")).toBe(false);
    expect(isWellNamed("products/rounds/rounds.service.ts")).toBe(true);
    expect(isWellNamed("products/index.ts")).toBe(true);
    expect(isWellNamed("products/rounds/index.ts")).toBe(false);
    expect(isWellNamed("products/views/anything.tsx")).toBe(true);
  });
});
