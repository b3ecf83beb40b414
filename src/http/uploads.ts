/** The largest PDF the platform takes: the library, agenda files, endorsement letters. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

/** The most a public contact message's PDFs may weigh together. */
export const MAX_ATTACHMENTS_TOTAL = 20 * 1024 * 1024;

/** The body limit of upload forms: the largest file plus room for the form's other fields. */
export const UPLOAD_BODY_LIMIT = MAX_PDF_BYTES + 1024 * 1024;

/**
 * The form addresses that accept file uploads; every other request body stays under the
 * general 1 MB. The use case checks the file's own size (and answers 422 with a message).
 */
const uploadPaths: RegExp[] = [
  /^\/private\/publications\/(new|[a-z0-9-]+\/edit)$/,
  /^\/private\/meetings\/[a-z0-9-]+\/agenda\/\d+\/files$/,
  /^\/private\/products\/[a-z0-9-]+\/endorsement$/,
  /^\/private\/site\/logo$/,
];

/** True for an address whose form may carry a file. */
export const isUploadPath = (path: string) => uploadPaths.some((p) => p.test(path));

/** The body limit of imports: 100,000 missions as CSV are about 30 MB. */
export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

const importPaths = new Set([
  "/private/missions/import",
  "/api/v1/missions/import",
  // Technology records: 20,000 capabilities as CSV pass the general 1 MB.
  "/private/technology/data",
  "/api/v1/technologies/import",
  "/api/v1/capabilities/import",
  "/api/v1/technology-needs/import",
]);

/** True for an address that accepts a whole file of records to import. */
export const isImportPath = (path: string) => importPaths.has(path);

/** The body limit of the public contact form: its PDFs together plus room for the text. */
export const CONTACT_BODY_LIMIT = MAX_ATTACHMENTS_TOTAL + 1024 * 1024;

/** True for the public contact form's address, the one form visitors may attach files to. */
export const isContactPath = (path: string) => path === "/contact";
