import { createHash, randomBytes } from "node:crypto";
import { mkdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { invalid } from "../../http/errors.js";
import { MAX_PDF_BYTES, type UploadedFile } from "./publications.schemas.js";

/** Where content-addressed files live: several instances sharing DATA_DIR agree on every name. */
export const filesDir = (dataDir: string) => join(dataDir, "files");

/** The path of a stored file; the name is the hex SHA-256 of its content. */
export function filePath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("Not a SHA-256 file name.");
  return join(filesDir(dataDir), sha256);
}

const megabytes = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Refuses anything that is not a PDF of an acceptable size, whatever its name says. */
export function checkPdf(file: UploadedFile): void {
  if (file.bytes.byteLength === 0) throw invalid({ file: "The file is empty." });
  if (file.bytes.byteLength > MAX_PDF_BYTES) {
    throw invalid(
      {
        file: `The file is ${megabytes(file.bytes.byteLength)}; PDFs can be at most ${megabytes(MAX_PDF_BYTES)}.`,
      },
      "The file is too large.",
    );
  }
  // A PDF starts with "%PDF-" (some writers put a little junk first; the spec allows 1024 bytes).
  const head = Buffer.from(file.bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) {
    throw invalid(
      {
        file: `${file.name || "This file"} is not a PDF (its content does not start like one), whatever its name says.`,
      },
      "Only PDF files can be uploaded.",
    );
  }
}

/** The hex SHA-256 of some bytes. */
export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Stores bytes under their hash. Writing to a temporary name and renaming makes the file appear
 * whole or not at all; if another instance stored the same content first, nothing changes.
 */
export async function storeFile(dataDir: string, bytes: Uint8Array): Promise<string> {
  const sha = sha256Of(bytes);
  const target = filePath(dataDir, sha);
  if (await exists(target)) return sha;
  await mkdir(filesDir(dataDir), { recursive: true });
  const temp = join(filesDir(dataDir), `.upload-${randomBytes(8).toString("hex")}`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => {});
    throw e;
  }
  return sha;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The text of a PDF's pages, or null when it cannot be read (the upload still counts). */
export async function extractPdfText(bytes: Uint8Array): Promise<string | null> {
  try {
    const { extractText, getDocumentProxy } = await import("unpdf");
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    await pdf.loadingTask.destroy();
    // PostgreSQL text cannot hold NUL characters.
    const clean = text.replaceAll("\0", "").trim();
    return clean ? clean : null;
  } catch {
    return null;
  }
}

/** A file name that is safe to put in a header and keeps its meaning. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .split("")
    .filter((ch) => ch.charCodeAt(0) >= 32 && ch !== "\u007f" && ch !== '"')
    .join("")
    .trim()
    .slice(0, 200);
  return cleaned || "document.pdf";
}
