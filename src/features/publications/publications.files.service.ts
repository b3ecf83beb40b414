import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { storedFiles } from "../../db/schema/index.js";
import { invalid } from "../../http/errors.js";
import { MAX_PDF_BYTES } from "../../http/uploads.js";
import type { UploadedFile } from "../../kit/uploads.js";

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

/** True when the content with this hash is stored already. */
export async function hasStoredFile(db: Db, sha256: string): Promise<boolean> {
  const [row] = await db
    .select({ sha256: storedFiles.sha256 })
    .from(storedFiles)
    .where(eq(storedFiles.sha256, sha256));
  return !!row;
}

/**
 * Stores bytes in the database under their hash, in the caller's transaction (so a record and its
 * file commit together) and returns the hash. Content already there, from another record or
 * instance, is neither sent again nor changed.
 */
export async function storeFile(db: Db, bytes: Uint8Array): Promise<string> {
  const sha = sha256Of(bytes);
  if (await hasStoredFile(db, sha)) return sha;
  await db
    .insert(storedFiles)
    .values({ sha256: sha, size: bytes.byteLength, bytes })
    .onConflictDoNothing({ target: storedFiles.sha256 });
  return sha;
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
