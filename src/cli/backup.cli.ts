import { resolve } from "node:path";
import { backupToFile } from "../db/backup.js";
import { BackupError } from "../db/backup-file.js";
import { restoreFromFile } from "../db/restore.js";
import type { Deps } from "../deps.js";
import { importDiskFiles } from "../features/publications/publications.disk.import.js";

const fileArgument = (command: string, args: string[]) => {
  const [file, ...rest] = args;
  if (!file || rest.length > 0 || file.startsWith("-")) throw new BackupError(`Usage: isecg ${command} FILE`);
  return resolve(file);
};

/** `isecg backup FILE`: a consistent, gzip'd copy of the whole database, files included; safe while serving. */
export async function backupCommand(deps: Deps, args: string[]): Promise<void> {
  const file = fileArgument("backup", args);
  // A deployment upgraded but not started since still has its files on disk: take them in first.
  await importDiskFiles(deps);
  const started = Date.now();
  const s = await backupToFile(deps.db, file, deps.now());
  console.log(
    `Backed up ${s.rows} rows of ${s.tables} tables (schema at ${s.migration.tag ?? s.migration.createdAt}) to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

/** `isecg restore FILE`: the backed-up site into an empty database (or an empty DATA_DIR), all or nothing. */
export async function restoreCommand(deps: Deps, args: string[]): Promise<void> {
  const file = fileArgument("restore", args);
  const s = await restoreFromFile(deps.db, file).catch((e: Error) => {
    throw new BackupError(`${e.message}\nNothing was restored: the database is as it was.`);
  });
  console.log(
    `Restored ${s.rows} rows into ${s.tables} tables from ${file}; the platform applies any newer migrations when it starts.`,
  );
}
