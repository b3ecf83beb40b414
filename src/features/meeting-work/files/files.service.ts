import { eq } from "drizzle-orm";
import { agendaItemFiles } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import type { Actor } from "../../../http/actor.js";
import { invalid, notFound } from "../../../http/errors.js";
import { MAX_PDF_BYTES } from "../../../http/uploads.js";
import type { UploadedFile } from "../../../kit/uploads.js";
import { write } from "../../../kit/write.js";
import { safeFileName, storeFile } from "../../publications/publications.files.service.js";
import { findAgendaFile } from "../agenda/agenda.queries.js";
import { loadManagedItem } from "../agenda/agenda.service.js";
import { loadManagedMeetingWork } from "../meeting-work.service.js";

/** The file types a presentation may have, recognised by name and checked by content. */
const kinds = [
  { ext: "pdf", type: "application/pdf", magic: "pdf" },
  {
    ext: "pptx",
    type: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    magic: "zip",
  },
  { ext: "odp", type: "application/vnd.oasis.opendocument.presentation", magic: "zip" },
  { ext: "ppt", type: "application/vnd.ms-powerpoint", magic: "ole" },
] as const;

/** The largest presentation: the same as for publications (the upload body limit follows it). */
export const MAX_PRESENTATION_BYTES = MAX_PDF_BYTES;

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

function contentMatches(bytes: Uint8Array, magic: "pdf" | "zip" | "ole"): boolean {
  if (magic === "zip") return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  if (magic === "ole") return startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  // A PDF may have a little junk before its header (the spec allows 1024 bytes).
  return Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes("%PDF-");
}

/** The media type of an acceptable presentation; refuses other types, bad content and big files. */
export function checkPresentation(file: UploadedFile | null): string {
  if (!file) throw invalid({ file: "Choose a file to upload." });
  if (file.bytes.byteLength === 0) throw invalid({ file: "The file is empty." });
  if (file.bytes.byteLength > MAX_PRESENTATION_BYTES)
    throw invalid(
      { file: `The file is larger than ${MAX_PRESENTATION_BYTES / 1024 / 1024} MB.` },
      "The file is too large.",
    );
  const ext = file.name.toLowerCase().split(".").pop() ?? "";
  const kind = kinds.find((k) => k.ext === ext);
  if (!kind) throw invalid({ file: "Upload a PDF or a presentation (.pptx, .odp or .ppt)." });
  if (!contentMatches(file.bytes, kind.magic))
    throw invalid({ file: `${safeFileName(file.name)} is not really a .${ext} file (its content differs).` });
  return kind.type;
}

/** Attaches a presentation to an agenda item; the content is stored once by its SHA-256. */
export async function createAgendaFile(
  deps: Deps,
  actor: Actor,
  slug: string,
  itemId: number,
  file: UploadedFile | null,
) {
  const { m, item } = await loadManagedItem(deps, actor, slug, itemId);
  const type = checkPresentation(file);
  const bytes = file!.bytes;
  const name = safeFileName(file!.name);
  return write(
    deps,
    actor,
    async (tx, audit) => {
      const sha256 = await storeFile(tx, bytes);
      const [row] = await tx
        .insert(agendaItemFiles)
        .values({
          agendaItemId: item.id,
          sha256,
          name,
          type,
          size: bytes.byteLength,
          uploadedBy: actor.kind === "person" ? actor.id : null,
        })
        .returning();
      await audit({
        action: "agenda.file.add",
        subjectType: "meeting",
        subjectId: m.id,
        summary: `Attached ${name} to "${item.title}" (${m.title})`,
        details: { sha256, size: bytes.byteLength },
      });
      return row!;
    },
    { invalidatesPages: false },
  );
}

/** Removes a file from an agenda item (its stored content may be shared, so it stays). */
export async function deleteAgendaFile(deps: Deps, actor: Actor, slug: string, fileId: number) {
  const m = await loadManagedMeetingWork(deps, actor, slug);
  const file = await findAgendaFile(deps.db, m.id, fileId);
  if (!file) throw notFound("The file");
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx.delete(agendaItemFiles).where(eq(agendaItemFiles.id, file.id));
      await audit({
        action: "agenda.file.delete",
        subjectType: "meeting",
        subjectId: m.id,
        summary: `Removed ${file.name} from the agenda of ${m.title}`,
      });
    },
    { invalidatesPages: false },
  );
}
