import { eq, sql } from "drizzle-orm";
import { publications } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import type { Actor } from "../../http/actor.js";
import { forbidden, invalid, notFound } from "../../http/errors.js";
import { parseInput } from "../../http/validation.js";
import { slugify } from "../../kit/slugs.js";
import type { UploadedFile } from "../../kit/uploads.js";
import { write } from "../../kit/write.js";
import { checkPdf, extractPdfText, safeFileName, sha256Of, storeFile } from "./publications.files.service.js";
import { canManagePublications } from "./publications.policy.js";
import { findPublication, type Publication } from "./publications.queries.js";
import { type PublicationInput, publicationInput } from "./publications.schemas.js";

type Columns = Partial<typeof publications.$inferInsert>;

/** Checks what the form cannot: unique slug, a known previous edition, file or link but not both. */
async function resolve(
  deps: Deps,
  input: PublicationInput,
  file: UploadedFile | null,
  current?: Publication,
) {
  const slug = input.slug ?? current?.slug ?? slugify(input.title, 80);
  if (!slug) throw invalid({ slug: "Enter an address for this publication." });
  const [clash] = await deps.db
    .select({ id: publications.id })
    .from(publications)
    .where(sql`${publications.slug} = ${slug} and ${publications.id} <> ${current?.id ?? -1}`);
  if (clash) throw invalid({ slug: `Another publication already uses the address ${slug}.` });
  let previousEditionId: number | null = null;
  if (input.previousEdition) {
    const prev = await findPublication(deps.db, input.previousEdition);
    if (!prev) throw invalid({ previousEdition: "Choose an existing publication as the previous edition." });
    if (prev.id === current?.id) throw invalid({ previousEdition: "A publication cannot follow itself." });
    previousEditionId = prev.id;
  }
  const keepsFile = !!current?.fileSha256 && !input.removeFile && !file;
  if (input.externalUrl && (file || keepsFile)) {
    throw invalid({
      externalUrl: "A publication has either a PDF file or an external link, not both. Remove one of them.",
    });
  }
  if (file) checkPdf(file);
  const columns: Columns = {
    slug,
    title: input.title,
    category: input.category,
    postedOn: input.postedOn,
    publishedOn: input.published?.date ?? null,
    publishedPrecision: input.published?.precision ?? null,
    description: input.description,
    previousEditionId,
    editionLabel: input.editionLabel,
    producedBy: input.producedBy,
    uncertain: input.uncertain,
    certaintyNote: input.certaintyNote,
    sources: input.sources,
    externalUrl: input.externalUrl,
  };
  if (input.removeFile && !file) {
    Object.assign(columns, { fileName: null, fileSize: null, fileType: null, fileSha256: null, text: null });
  }
  return columns;
}

/** The columns that describe the file (its text extracted for search); the bytes are stored with the record. */
async function fileColumns(file: UploadedFile | null): Promise<Columns> {
  if (!file) return {};
  return {
    fileName: safeFileName(file.name),
    fileSize: file.bytes.byteLength,
    fileType: "application/pdf",
    fileSha256: sha256Of(file.bytes),
    text: await extractPdfText(file.bytes),
  };
}

/** Adds a publication, with its PDF or link (secretariat only). */
export async function createPublication(
  deps: Deps,
  actor: Actor,
  raw: unknown,
  file: UploadedFile | null = null,
): Promise<Publication> {
  if (!canManagePublications(actor)) throw forbidden("Only the secretariat can add publications.");
  const input = parseInput(publicationInput, raw);
  const columns = await resolve(deps, input, file);
  const stored = await fileColumns(file);
  return write(deps, actor, async (tx, audit) => {
    if (file) await storeFile(tx, file.bytes);
    const [row] = await tx
      .insert(publications)
      .values({ ...columns, ...stored } as typeof publications.$inferInsert)
      .returning();
    await audit({
      action: "publication.create",
      subjectType: "publication",
      subjectId: row!.id,
      summary: `Added publication ${row!.title}${stored.fileName ? ` with ${stored.fileName}` : ""}`,
    });
    return row!;
  });
}

/** Changes a publication; a new file replaces the old one (secretariat only). */
export async function updatePublication(
  deps: Deps,
  actor: Actor,
  slug: string,
  raw: unknown,
  file: UploadedFile | null = null,
): Promise<Publication> {
  const current = await findPublication(deps.db, slug);
  if (!current) throw notFound("The publication");
  if (!canManagePublications(actor)) throw forbidden("Only the secretariat can change publications.");
  const input = parseInput(publicationInput, raw);
  const columns = await resolve(deps, input, file, current);
  const stored = await fileColumns(file);
  const changes = { ...columns, ...stored };
  const changed = Object.keys(changes).filter(
    (k) =>
      k !== "text" &&
      JSON.stringify(changes[k as keyof Columns]) !== JSON.stringify(current[k as keyof Publication]),
  );
  return write(deps, actor, async (tx, audit) => {
    if (file) await storeFile(tx, file.bytes);
    const [row] = await tx
      .update(publications)
      .set({ ...changes, updatedAt: deps.now() })
      .where(eq(publications.id, current.id))
      .returning();
    await audit({
      action: "publication.update",
      subjectType: "publication",
      subjectId: current.id,
      summary: `Updated publication ${row!.title}${changed.length ? `: ${changed.join(", ")}` : " (no changes)"}`,
    });
    return row!;
  });
}

/** Deletes a publication record; its stored file stays (another record may share the content). */
export async function deletePublication(deps: Deps, actor: Actor, slug: string): Promise<void> {
  const current = await findPublication(deps.db, slug);
  if (!current) throw notFound("The publication");
  if (!canManagePublications(actor)) throw forbidden("Only the secretariat can delete publications.");
  await write(deps, actor, async (tx, audit) => {
    await tx.delete(publications).where(eq(publications.id, current.id));
    await audit({
      action: "publication.delete",
      subjectType: "publication",
      subjectId: current.id,
      summary: `Deleted publication ${current.title}`,
    });
  });
}
