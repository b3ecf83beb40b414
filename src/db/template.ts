import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { migrationsFolder } from "./schema-version.js";

// An embedded database that is created and migrated once per installation and copied into each
// new data directory: PostgreSQL's initdb and the migrations take five to six seconds in WebAssembly,
// copying their result a twentieth of one. Made by `npm ci` (the `prepare` script), else on first need.

const buildDir = fileURLToPath(new URL("../../.build", import.meta.url));

/** The template's directory: named by PGlite's version and the migrations, so either changing makes a new one. */
function templateDir(): string {
  const hash = createHash("sha256");
  // The package exports no package.json; its version is read beside its entry (dist/index.cjs).
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  hash.update(readFileSync(join(dirname(entry), "..", "package.json")));
  for (const dir of [migrationsFolder, join(migrationsFolder, "meta")]) {
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith(".sql") || name === "_journal.json")
        hash.update(name).update(readFileSync(join(dir, name)));
    }
  }
  return join(buildDir, `pglite-${hash.digest("hex").slice(0, 16)}`);
}

type Migrate = (pglite: PGlite) => Promise<void>;

/** The template's directory, made first when missing. `migrate` is client.ts's, to keep this module below it. */
export async function ensureTemplate(migrate: Migrate): Promise<string> {
  const template = templateDir();
  if (!existsSync(template)) await makeTemplate(template, migrate);
  return template;
}

/** Fills the empty directory `pgdata` with a copy of the migrated template. */
export async function copyMigratedTemplate(pgdata: string, migrate: Migrate): Promise<void> {
  copyTree(await ensureTemplate(migrate), pgdata);
}

// A plain copy of each file: Node's cpSync checks more than a fresh directory needs, at a fifth more time.
function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyTree(join(from, entry.name), join(to, entry.name));
    else copyFileSync(join(from, entry.name), join(to, entry.name));
  }
}

async function makeTemplate(template: string, migrate: Migrate): Promise<void> {
  // Made aside and renamed, so a process starting meanwhile never copies half a template.
  const partial = `${template}.${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const pglite = await PGlite.create(partial);
  try {
    await migrate(pglite);
  } finally {
    await pglite.close();
  }
  // Older templates are of other migrations.
  for (const old of readdirSync(buildDir)) {
    if (/^pglite-[0-9a-f]{16}$/.test(old)) rmSync(join(buildDir, old), { recursive: true, force: true });
  }
  renameSync(partial, template);
}
