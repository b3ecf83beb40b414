import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Which parts of `src/` a layer may import. Features sit on top: `http/`, `web/` and `kit/` are what
 * every feature shares, so none of them may import a feature; `domain/` is code with no I/O, so it
 * imports only itself and packages (docs/conventions.md, docs/architecture.md).
 */
const src = join(import.meta.dirname, "../../src");
const forbidden: Record<string, string[]> = {
  http: ["features"],
  web: ["features"],
  kit: ["features"],
  domain: ["features", "http", "web", "kit", "db", "jobs", "cli", "deps.ts", "app.ts", "server.ts"],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : /\.(ts|tsx|mjs)$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The top-level part of `src/` each relative import of `file` reaches ("features", "db", "deps.ts" …). */
function reaches(file: string, text = readFileSync(file, "utf8")): { specifier: string; part: string }[] {
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
  return specifiers.map((specifier) => {
    const target = relative(src, resolve(dirname(file), specifier));
    return { specifier, part: target.split("/")[0]! };
  });
}

/** Every import that breaks the rule, as "file → specifier". */
function breaches(layer: string, banned: string[]): string[] {
  return files(join(src, layer)).flatMap((file) =>
    reaches(file)
      .filter(({ part }) => banned.includes(part))
      .map(({ specifier }) => `${relative(src, file)} → ${specifier}`),
  );
}

describe("layers", () => {
  for (const [layer, banned] of Object.entries(forbidden)) {
    it(`${layer}/ imports nothing from ${banned.join(", ")}`, () => {
      expect(breaches(layer, banned)).toEqual([]);
    });
  }

  it("sees static, type-only and dynamic imports, and where each lands", () => {
    const text = [
      'import { write } from "../kit/write.js";',
      'import type { Db } from "../db/client.js";',
      'const news = await import("../features/news/news.service.js");',
      'import { slugify } from "./slugs.js";',
    ].join("\n");
    expect(reaches(join(src, "kit/example.ts"), text).map((r) => r.part)).toEqual([
      "kit",
      "db",
      "features",
      "kit",
    ]);
  });
});
