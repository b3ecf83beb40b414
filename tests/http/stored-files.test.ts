import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { publications, storedFiles } from "../../src/db/schema/index.js";
import { importDiskFiles } from "../../src/features/publications/publications.disk.import.js";
import { READ_CHUNK_BYTES } from "../../src/features/publications/publications.download.export.js";
import { sha256Of, storeFile } from "../../src/features/publications/publications.files.service.js";
import { createLogger } from "../../src/http/logger.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

const hashes = async () =>
  (await t.deps.db.select({ sha256: storedFiles.sha256 }).from(storedFiles)).map((r) => r.sha256);

describe("files kept in the database", () => {
  it("stores the same content once, however many times it is uploaded", async () => {
    const bytes = randomBytes(1000);
    expect(await storeFile(t.deps.db, bytes)).toBe(sha256Of(bytes));
    expect(await storeFile(t.deps.db, Buffer.from(bytes))).toBe(sha256Of(bytes));
    expect(await hashes()).toEqual([sha256Of(bytes)]);
  });

  it("serves a file larger than one read chunk whole and by ranges that cross chunk boundaries", async () => {
    const bytes = randomBytes(READ_CHUNK_BYTES * 2 + 12_345);
    const sha = await storeFile(t.deps.db, bytes);
    await t.deps.db.insert(publications).values({
      slug: "big-file",
      title: "Big file",
      category: "other",
      fileName: "big.pdf",
      fileSize: bytes.byteLength,
      fileType: "application/pdf",
      fileSha256: sha,
    });
    const url = "/publications/big-file/file";
    const whole = await t.app.request(url);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    const [start, end] = [READ_CHUNK_BYTES - 10, 2 * READ_CHUNK_BYTES + 10];
    const part = await t.app.request(url, { headers: { range: `bytes=${start}-${end}` } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-length")).toBe(String(end - start + 1));
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(start, end + 1))).toBe(true);

    const head = await t.app.request(url, { method: "HEAD" });
    expect(head.headers.get("content-length")).toBe(String(bytes.byteLength));
  });
});

describe("files left on disk by earlier versions", () => {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  const dataDirWith = (files: Record<string, Buffer>) => {
    const dataDir = mkdtempSync(join(tmpdir(), "isecg-disk-files-"));
    made.push(dataDir);
    mkdirSync(join(dataDir, "files"));
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dataDir, "files", name), bytes);
    return dataDir;
  };
  const importFrom = (dataDir: string) =>
    importDiskFiles({ ...t.deps, config: { ...t.deps.config, dataDir }, log: createLogger("silent") });

  it("are imported once, checked against their hash, and the folder is renamed when all are in", async () => {
    const [a, b] = [randomBytes(500), randomBytes(700)];
    await storeFile(t.deps.db, b);
    const dataDir = dataDirWith({ [sha256Of(a)]: a, [sha256Of(b)]: b, ".upload-0123": randomBytes(10) });
    const report = await importFrom(dataDir);
    expect(report).toMatchObject({ imported: 1, present: 1, damaged: [] });
    expect((await hashes()).sort()).toEqual([sha256Of(a), sha256Of(b)].sort());
    expect(existsSync(join(dataDir, "files"))).toBe(false);
    expect(readdirSync(join(dataDir, "files.imported"))).toContain(sha256Of(a));
    // The next start finds nothing to do.
    expect(await importFrom(dataDir)).toMatchObject({ imported: 0, present: 0, renamedTo: null });
  });

  it("skip a file whose content does not match its name and keep the folder for a look", async () => {
    const good = randomBytes(300);
    const wrongName = "0".repeat(64);
    const dataDir = dataDirWith({ [sha256Of(good)]: good, [wrongName]: randomBytes(300) });
    const report = await importFrom(dataDir);
    expect(report).toMatchObject({ imported: 1, damaged: [wrongName], renamedTo: null });
    expect(await hashes()).toEqual([sha256Of(good)]);
    expect(existsSync(join(dataDir, "files", wrongName))).toBe(true);
  });
});
