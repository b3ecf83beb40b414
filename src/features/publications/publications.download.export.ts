import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { storedFiles } from "../../db/schema/index.js";
import type { AppContext } from "../../http/env.js";
import { notFound } from "../../http/errors.js";

/** Bytes read from the database per query: memory stays bounded whatever the file's size. */
export const READ_CHUNK_BYTES = 1024 * 1024;

/** Parses a single `bytes=` range against a size: the span, "unsatisfiable", or null to send it all. */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | "unsatisfiable" | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges, or another unit: answering with the whole file is allowed and simpler.
  if (!m) return null;
  const [, a = "", b = ""] = m;
  if (a === "" && b === "") return null;
  if (a === "") {
    const suffix = Number(b);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(a);
  const end = b === "" ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

const contentDisposition = (name: string, disposition: "inline" | "attachment") => {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

/** How a stored file is sent: members-only files must not sit in shared caches. */
export type ServeOptions = { disposition?: "inline" | "attachment"; cacheControl?: string };

/**
 * Sends a content-addressed file with its type, name, length and the hash as ETag; honours
 * If-None-Match (304) and one byte range (206, or 416 when it lies outside the file).
 */
export async function serveStoredFile(
  c: AppContext,
  file: { sha256: string; name: string; type: string },
  opts: ServeOptions = {},
): Promise<Response> {
  const db = c.var.deps.db;
  const [info] = await db
    .select({ size: storedFiles.size })
    .from(storedFiles)
    .where(eq(storedFiles.sha256, file.sha256));
  if (!info) throw notFound("The file");
  const etag = `"${file.sha256}"`;
  const headers: Record<string, string> = {
    "Content-Type": file.type,
    "Content-Disposition": contentDisposition(file.name, opts.disposition ?? "inline"),
    ETag: etag,
    "Accept-Ranges": "bytes",
    // Content never changes under a hash, but the record may point elsewhere: revalidate cheaply.
    "Cache-Control": opts.cacheControl ?? "public, max-age=0, must-revalidate",
    "X-Content-Type-Options": "nosniff",
  };
  const inm = c.req.header("if-none-match");
  if (inm?.split(",").some((t) => t.trim() === etag || t.trim() === "*")) {
    return new Response(null, { status: 304, headers });
  }
  const ifRange = c.req.header("if-range");
  const range = !ifRange || ifRange === etag ? parseRange(c.req.header("range"), info.size) : null;
  if (range === "unsatisfiable") {
    return new Response(null, {
      status: 416,
      headers: { ...headers, "Content-Range": `bytes */${info.size}` },
    });
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 };
  const length = info.size === 0 ? 0 : end - start + 1;
  headers["Content-Length"] = String(length);
  if (range) headers["Content-Range"] = `bytes ${start}-${end}/${info.size}`;
  const body = c.req.method === "HEAD" || length === 0 ? null : readStoredFile(db, file.sha256, start, end);
  return new Response(body, { status: range ? 206 : 200, headers });
}

/**
 * Streams bytes `start`..`end` (inclusive) of a stored file, one `substring` query per chunk, each
 * asked for only when the client has taken the previous one.
 */
export function readStoredFile(
  db: Db,
  sha256: string,
  start: number,
  end: number,
): ReadableStream<Uint8Array> {
  let at = start;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const length = Math.min(READ_CHUNK_BYTES, end + 1 - at);
        const [row] = await db
          .select({ chunk: sql<Uint8Array>`substring(${storedFiles.bytes} from ${at + 1} for ${length})` })
          .from(storedFiles)
          .where(eq(storedFiles.sha256, sha256));
        if (!row || row.chunk.byteLength !== length)
          throw new Error(`Stored file ${sha256} is shorter than expected.`);
        controller.enqueue(new Uint8Array(row.chunk.buffer, row.chunk.byteOffset, row.chunk.byteLength));
        at += length;
        if (at > end) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}
