import type { Db } from "../../../db/client.js";
import { newsArticles, publications } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import { parseSections } from "../../../domain/sections.js";
import type { Actor } from "../../../http/actor.js";
import { invalid } from "../../../http/errors.js";
import type { UploadedFile } from "../../../kit/uploads.js";
import { createRevision, freeSlug } from "../../news/news.service.js";
import {
  extractPdfText,
  safeFileName,
  sha256Of,
  storeFile,
} from "../../publications/publications.files.service.js";
import { queueArticleNotifications } from "../../subscriptions/subscriptions.service.js";
import type { ProductDetail } from "../products.queries.js";
import type { EndorsementInput } from "./endorsement.schemas.js";
import { pdfStamp, productPdf } from "./product.export.js";

// The records publishing a product creates: the library entry (with its file) and the news item.

/** The line naming the agreed text: its version number and SHA-256, so a reader can check it. */
export const versionLine = (v: { number: number; sha256: string }) =>
  `Agreed text: Version ${v.number}, SHA-256 \`${v.sha256}\`.`;

/** The agreed text with its numbered headings one level below the publication's title. */
export function publicationText(
  description: string,
  body: string,
  version?: { number: number; sha256: string },
): string {
  const doc = parseSections(body);
  const parts = [description.trim(), version ? versionLine(version) : "", doc.preamble];
  for (const s of doc.sections) {
    parts.push(`${"#".repeat(Math.min(6, s.level + 1))} ${s.number} ${s.title}`, s.body);
  }
  return parts.filter(Boolean).join("\n\n");
}

/** The PDF the platform makes of the agreed text when none is uploaded, stamped with version and hash. */
export async function stampedPdf(
  deps: Pick<Deps, "now">,
  input: EndorsementInput,
  title: string,
  slug: string,
  body: string,
  version: { number: number; sha256: string },
): Promise<UploadedFile> {
  const endorsedOn = deps.now().toISOString().slice(0, 10);
  const bytes = await productPdf({ title, description: input.description, body, version, endorsedOn });
  return { name: `${slug}-version-${version.number}.pdf`, type: "application/pdf", bytes };
}

/** An uploaded PDF must name the text it stands for; the platform cannot stamp someone else's file. */
export function unstampedPdf(version: { number: number; sha256: string }) {
  const stamp = pdfStamp(version);
  return invalid({
    file: `The PDF must carry the endorsed version: add "${stamp.line}, ${stamp.hash}" to it, or leave the file out and the platform makes a stamped PDF of the agreed text.`,
  });
}

/** A PDF stored in the library, as publication columns. */
export type StoredFile = {
  fileName: string;
  fileSize: number;
  fileType: string;
  fileSha256: string;
  text: string | null;
};

/** The columns of an uploaded PDF, its text extracted for search (the bytes go in with the record). */
export async function storedFile(file: UploadedFile): Promise<StoredFile> {
  return {
    fileName: safeFileName(file.name),
    fileSize: file.bytes.byteLength,
    fileType: "application/pdf",
    fileSha256: sha256Of(file.bytes),
    text: await extractPdfText(file.bytes),
  };
}

export type PublicationParts = {
  input: EndorsementInput;
  title: string;
  slug: string;
  stored: Partial<StoredFile>;
  /** The uploaded PDF, stored in the same transaction as the publication. */
  file: UploadedFile | null;
  body: string;
  /** The version published and the SHA-256 of its text. */
  version: { number: number; sha256: string };
};

/** The publication in the library, with the agreed text below its description. */
export async function createPublicationRecord(
  deps: Deps,
  tx: Db,
  product: ProductDetail,
  p: PublicationParts,
): Promise<number> {
  const today = deps.now().toISOString().slice(0, 10);
  if (p.file) await storeFile(tx, p.file.bytes);
  const [row] = await tx
    .insert(publications)
    .values({
      slug: p.slug,
      title: p.title,
      category: product.kind,
      postedOn: today,
      publishedOn: today,
      publishedPrecision: "day",
      description: publicationText(p.input.description, p.body, p.version),
      producedBy: product.leadGroup?.name ?? null,
      externalUrl: p.input.externalUrl,
      ...p.stored,
    })
    .returning({ id: publications.id });
  return row!.id;
}

/** The news item, if wished: a draft, or published with the subscribers' mail queued. */
export async function createNewsRecord(
  deps: Deps,
  tx: Db,
  actor: Actor,
  input: EndorsementInput,
  publication: { title: string; slug: string },
): Promise<{ id: number; title: string } | null> {
  if (input.news === "none") return null;
  const now = deps.now();
  const title = input.newsTitle ?? `${publication.title} published`;
  const link = `${deps.config.baseUrl}/publications/${publication.slug}`;
  const content = {
    title,
    newsDate: now.toISOString().slice(0, 10),
    place: null,
    summary: input.newsSummary!,
    body: `${input.description}\n\nRead [${publication.title}](${link}) in the publications library.`,
    imageUrl: null,
    imageAlt: null,
  };
  const published = input.news === "published";
  const [row] = await tx
    .insert(newsArticles)
    .values({
      ...content,
      slug: await freeSlug(tx, title),
      status: published ? "published" : "draft",
      publishAt: published ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await createRevision(tx, actor, row!.id, content, "Written when the product was published", now);
  if (published) await queueArticleNotifications(tx, deps, row!);
  return { id: row!.id, title };
}
