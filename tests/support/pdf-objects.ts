import { inflateSync } from "node:zlib";

/** One indirect object of a PDF: its dictionary text and, when it has one, its inflated stream. */
export type PdfObject = { id: number; dict: string; stream: string | null };

/**
 * The indirect objects of a PDF written without object streams (as pdfkit writes them), read with
 * plain text matching: enough for tests to check dictionaries, never a general PDF parser.
 */
export function pdfObjects(bytes: Uint8Array): Map<number, PdfObject> {
  const text = Buffer.from(bytes).toString("latin1");
  const objects = new Map<number, PdfObject>();
  const head = /(?:^|\n)(\d+) 0 obj\s*/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const from = head.lastIndex;
    const streamAt = text.indexOf("stream", from);
    const endAt = text.indexOf("endobj", from);
    let dict = text.slice(from, endAt);
    let stream: string | null = null;
    if (streamAt >= 0 && streamAt < endAt) {
      // The stream's bytes are skipped by its /Length, so binary data cannot end the object early.
      dict = text.slice(from, streamAt);
      const start = text.indexOf("\n", streamAt) + 1;
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
      const raw = Buffer.from(text.slice(start, start + length), "latin1");
      stream = dict.includes("/FlateDecode") ? safeInflate(raw) : raw.toString("latin1");
      head.lastIndex = text.indexOf("endobj", start + length);
    }
    objects.set(Number(m[1]), { id: Number(m[1]), dict, stream });
  }
  return objects;
}

function safeInflate(raw: Buffer): string | null {
  try {
    return inflateSync(raw).toString("latin1");
  } catch {
    return null;
  }
}

/** The objects whose dictionary matches `pattern`. */
export function objectsWhere(objects: Map<number, PdfObject>, pattern: RegExp): PdfObject[] {
  return [...objects.values()].filter((o) => pattern.test(o.dict));
}

/** The object a reference like `/Key 12 0 R` in `dict` points to. */
export function follow(objects: Map<number, PdfObject>, dict: string, key: string): PdfObject | undefined {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? objects.get(Number(m[1])) : undefined;
}
