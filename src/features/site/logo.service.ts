import { sql } from "drizzle-orm";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, invalid } from "../../http/errors.js";
import type { UploadedFile } from "../../kit/uploads.js";
import { write } from "../../kit/write.js";
import { loadForum } from "../../web/forum.js";
import { canEditPages } from "../pages/pages.policy.js";
import { storeFile } from "../publications/publications.files.service.js";

/** A logo is a small picture in the header; half a megabyte is far more than one needs. */
export const MAX_LOGO_BYTES = 512 * 1024;

const onlySecretariat = "Only the secretariat changes the forum's logo.";
const notAnImage = "Choose a PNG, JPEG, WebP or SVG image.";

/** The image type the bytes themselves show (never the name or the browser's word), or null. */
export function logoType(bytes: Uint8Array): string | null {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 1024)).trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head))
    return "image/svg+xml";
  return null;
}

/** Puts a new logo in the header at once (like the secretariat's contact, it is not part of the drafts). */
export async function setLogo(deps: Deps, actor: Actor, file: UploadedFile | null): Promise<void> {
  if (!canEditPages(actor)) throw forbidden(onlySecretariat);
  if (!file) throw invalid({ logo: "Choose the image file of the logo." });
  if (file.bytes.byteLength > MAX_LOGO_BYTES) {
    throw invalid({
      logo: `The image is ${Math.ceil(file.bytes.byteLength / 1024)} KB; a logo may be up to 512 KB.`,
    });
  }
  const type = logoType(file.bytes);
  if (!type) throw invalid({ logo: notAnImage });
  await write(deps, actor, async (tx, audit) => {
    const sha256 = await storeFile(tx, file.bytes);
    // One statement on the stored value, so a contact or text edit at the same moment is not undone.
    await tx.execute(
      sql`update forum_settings set value = jsonb_set(value, '{logo}', ${JSON.stringify({ sha256, type })}::jsonb), updated_at = ${deps.now()} where key = 'forum'`,
    );
    await audit({
      action: "site.logo",
      subjectType: "forum_settings",
      subjectId: "forum",
      summary: "Changed the forum's logo",
      details: { sha256, type, size: file.bytes.byteLength },
    });
  });
}

/** Takes the logo away: the header shows the forum's short name again. */
export async function deleteLogo(deps: Deps, actor: Actor): Promise<void> {
  if (!canEditPages(actor)) throw forbidden(onlySecretariat);
  if (!(await loadForum(deps)).logo) return;
  await write(deps, actor, async (tx, audit) => {
    await tx.execute(
      sql`update forum_settings set value = value - 'logo', updated_at = ${deps.now()} where key = 'forum'`,
    );
    await audit({
      action: "site.logo.remove",
      subjectType: "forum_settings",
      subjectId: "forum",
      summary: "Removed the forum's logo",
    });
  });
}
