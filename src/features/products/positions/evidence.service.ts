import { invalid } from "../../../http/errors.js";
import type { UploadedFile } from "../../../kit/uploads.js";
import { safeFileName, sha256Of } from "../../publications/publications.files.service.js";

/** The largest evidence file (a message or letter an agency sent) the secretariat attaches. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** An evidence file's name and SHA-256; its bytes go into the stored files with the record. */
export function storedEvidence(file: UploadedFile): { sha256: string; name: string } {
  if (file.bytes.byteLength === 0) throw invalid({ file: "The file is empty." });
  if (file.bytes.byteLength > MAX_EVIDENCE_BYTES)
    throw invalid({ file: `Attach a file of at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.` });
  return { sha256: sha256Of(file.bytes), name: safeFileName(file.name) };
}
