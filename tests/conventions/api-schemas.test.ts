import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Feature } from "../../src/http/feature.js";
import { createApi } from "../../src/http/openapi.js";

/** Every file under src/features whose name ends with `suffix`, as an importable address. */
function featureFiles(suffix: string): string[] {
  return readdirSync("src/features", { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(suffix))
    .map((f) => pathToFileURL(resolve(join("src/features", f))).href);
}

/** The schema a wrapper adds `.optional()` or a default to (what `.partial()` and `changeOf` wrap). */
function peel(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}

// A schema renamed or described (`.openapi("Name")`, `.meta()`) keeps its definition object, so
// the definitions say which schemas (and which fields) come from a feature's `*.schemas.ts`.
const shared = new Set<unknown>();
const sharedFields = new Set<unknown>();
for (const file of featureFiles(".schemas.ts")) {
  for (const value of Object.values(await import(file))) {
    if (!(value instanceof z.ZodType)) continue;
    shared.add(value._zod.def);
    if (value instanceof z.ZodObject) {
      for (const field of Object.values(value.shape)) sharedFields.add(peel(field as z.ZodType)._zod.def);
    }
  }
}

/** A body is the feature's schema itself, or an object whose every field is one of its fields. */
function isShared(schema: z.ZodType): boolean {
  if (shared.has(schema._zod.def)) return true;
  if (!(schema instanceof z.ZodObject)) return false;
  return Object.values(schema.shape).every((field) => sharedFields.has(peel(field as z.ZodType)._zod.def));
}

type RouteDefinition = {
  type: string;
  route?: {
    method: string;
    path: string;
    request?: { body?: { content: Record<string, { schema: z.ZodType }> } };
  };
};

const api = createApi();
for (const file of featureFiles("index.ts")) {
  for (const value of Object.values(await import(file))) {
    for (const register of (value as Partial<Feature>)?.api ?? []) register(api);
  }
}
const bodies = (api.openAPIRegistry.definitions as RouteDefinition[]).flatMap((d) => {
  const schema = d.route?.request?.body?.content["application/json"]?.schema;
  return d.type === "route" && schema
    ? [{ name: `${d.route!.method.toUpperCase()} ${d.route!.path}`, schema }]
    : [];
});

// Imports take a whole file in the format the exports write; the importer reads it row by row and
// reports every bad row, so no Zod schema validates the body as a whole.
const files = (name: string) => name.endsWith("/import");

/**
 * One Zod schema per shape: what the API documents as a request body is the schema the feature's
 * use case parses with (or derived from it), never a second hand-written copy that can drift.
 */
describe("conventions: API request bodies", () => {
  it("finds the API's JSON request bodies", () => {
    expect(bodies.length).toBeGreaterThan(40);
  });

  it("documents every JSON request body with a schema from a feature's *.schemas.ts", () => {
    const handWritten = bodies
      .filter(({ name, schema }) => !files(name) && !isShared(schema))
      .map(({ name }) => name);
    expect(handWritten, "bodies written by hand instead of taken from *.schemas.ts").toEqual([]);
  });
});
