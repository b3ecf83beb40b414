import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { invalid } from "../../http/errors.js";
import { MAX_ATTACHMENTS_TOTAL } from "../../http/uploads.js";
import type { UploadedFile } from "../../kit/uploads.js";
import { safeFileName, storeFile } from "../publications/publications.files.service.js";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "./inbox.schemas.js";

const megabytes = (n: number) => `${Math.max(1, Math.round(n / 1024 / 1024))} MB`;

/** Refuses more files than allowed, files too large, and anything that is not a PDF whatever its name. */
export function checkAttachments(files: UploadedFile[]): void {
  const field = "attachments";
  if (files.length > MAX_ATTACHMENTS)
    throw invalid({ [field]: `Attach at most ${MAX_ATTACHMENTS} PDF files.` });
  let total = 0;
  for (const file of files) {
    const name = safeFileName(file.name);
    total += file.bytes.byteLength;
    if (file.bytes.byteLength === 0) throw invalid({ [field]: `${name} is empty.` });
    if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES)
      throw invalid(
        {
          [field]: `${name} is ${megabytes(file.bytes.byteLength)}; each PDF can be at most ${megabytes(MAX_ATTACHMENT_BYTES)}.`,
        },
        "A file is too large.",
      );
    // A PDF starts with "%PDF-" within its first 1024 bytes, whatever the file is called.
    const head = Buffer.from(file.bytes.subarray(0, 1024)).toString("latin1");
    if (!head.includes("%PDF-"))
      throw invalid(
        { [field]: `${name} is not a PDF (its content does not start like one), whatever its name says.` },
        "Only PDF files can be attached.",
      );
  }
  if (total > MAX_ATTACHMENTS_TOTAL)
    throw invalid({
      [field]: `The files come to ${megabytes(total)}; together they can be at most ${megabytes(MAX_ATTACHMENTS_TOTAL)}.`,
    });
}

/** Stores the files in the caller's transaction; their names and hashes for the attachment rows. */
export async function storeAttachments(tx: Db, files: UploadedFile[]) {
  const out: Array<{ name: string; sha256: string; size: number }> = [];
  for (const f of files) {
    out.push({ name: safeFileName(f.name), sha256: await storeFile(tx, f.bytes), size: f.bytes.byteLength });
  }
  return out;
}

/**
 * Deletes stored contents that no record points to any more. Files are shared by content, so a
 * sender's PDF goes only when no publication, agenda file or other message uses the same bytes.
 */
export async function deleteUnusedFiles(tx: Db, hashes: string[]): Promise<void> {
  for (const sha of new Set(hashes)) {
    await tx.execute(sql`
      delete from stored_files f
      where f.sha256 = ${sha}
        and not exists (select 1 from inbox_attachments a where a.sha256 = f.sha256)
        and not exists (select 1 from publications p where p.file_sha256 = f.sha256)
        and not exists (select 1 from agenda_item_files g where g.sha256 = f.sha256)
        and not exists (select 1 from review_positions r where r.evidence_file_sha256 = f.sha256)
        and not exists (select 1 from forum_settings s where s.value->'logo'->>'sha256' = f.sha256)`);
  }
}
