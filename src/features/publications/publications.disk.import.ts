import { existsSync } from "node:fs";
import { readdir, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import type { Deps } from "../../deps.js";
import { hasStoredFile, sha256Of, storeFile } from "./publications.files.service.js";

/** Where deployments before files moved into the database kept them, named by their SHA-256. */
export const legacyFilesDir = (dataDir: string) => join(dataDir, "files");

/** What a disk import found: files copied in, files already there, files whose content is not their name. */
export type DiskImport = { imported: number; present: number; damaged: string[]; renamedTo: string | null };

/**
 * Copies the files of DATA_DIR/files into the database, once: each is verified against its name (the
 * SHA-256 of its content) and inserted unless present. When every file is in the database the folder
 * is renamed to `files.imported` (kept for the operator to delete), so later starts skip it; a damaged
 * file keeps the folder in place and is reported at every start until someone looks at it.
 */
export async function importDiskFiles(deps: Pick<Deps, "db" | "config" | "log">): Promise<DiskImport> {
  const dir = legacyFilesDir(deps.config.dataDir);
  const result: DiskImport = { imported: 0, present: 0, damaged: [], renamedTo: null };
  // Checked at every start, nearly always absent: a synchronous look does not wait behind the busy
  // thread pool of a starting process (a quarter of a second).
  if (!existsSync(dir)) return result;
  const names = await readdir(dir);
  // Other names are the old store's temporary files (".upload-…"), never referenced by a record.
  for (const name of names.filter((n) => /^[0-9a-f]{64}$/.test(n))) {
    if (await hasStoredFile(deps.db, name)) {
      result.present++;
      continue;
    }
    // One file in memory at a time: uploads are at most 50 MB.
    const bytes = await readFile(join(dir, name));
    if (sha256Of(bytes) !== name) {
      result.damaged.push(name);
      deps.log.warn("a stored file's content does not match its name; it was not imported", {
        file: join(dir, name),
      });
      continue;
    }
    await storeFile(deps.db, bytes);
    result.imported++;
  }
  if (result.damaged.length === 0) {
    // An earlier `files.imported` left in place makes the rename fail: the files are in, so just say so.
    result.renamedTo = await rename(dir, `${dir}.imported`).then(
      () => `${dir}.imported`,
      (e: Error) => {
        deps.log.warn("could not rename the imported files folder", { folder: dir, error: e.message });
        return null;
      },
    );
  }
  deps.log.info("imported files from the data directory into the database", result);
  return result;
}
