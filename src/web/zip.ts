import { crc32, deflateRawSync } from "node:zlib";

/** One file to put in a zip archive. */
export type ZipEntry = { name: string; data: Uint8Array | string };

// 1980-01-01 00:00 in MS-DOS format: fixed so the same content always gives the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;

type Packed = { name: Buffer; crc: number; size: number; compressed: Buffer; offset: number };

/**
 * Writes a zip archive (deflate, no encryption, no zip64: entries and archive under 4 GB), which is
 * all an Office Open XML file needs. Names are UTF-8.
 */
export function zip(entries: ZipEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const packed: Packed[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : Buffer.from(entry.data);
    const p: Packed = {
      name: Buffer.from(entry.name, "utf8"),
      crc: crc32(data),
      size: data.length,
      compressed: deflateRawSync(data),
      offset,
    };
    const local = Buffer.concat([localHeader(p), p.name, p.compressed]);
    chunks.push(local);
    packed.push(p);
    offset += local.length;
  }
  const directory = Buffer.concat(packed.flatMap((p) => [centralHeader(p), p.name]));
  chunks.push(directory, endOfDirectory(packed.length, directory.length, offset));
  return new Uint8Array(Buffer.concat(chunks));
}

function localHeader(p: Packed): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
  b.writeUInt16LE(UTF8_NAMES, 6);
  b.writeUInt16LE(8, 8); // deflate
  b.writeUInt16LE(DOS_TIME, 10);
  b.writeUInt16LE(DOS_DATE, 12);
  b.writeUInt32LE(p.crc, 14);
  b.writeUInt32LE(p.compressed.length, 18);
  b.writeUInt32LE(p.size, 22);
  b.writeUInt16LE(p.name.length, 26);
  b.writeUInt16LE(0, 28); // no extra field
  return b;
}

function centralHeader(p: Packed): Buffer {
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(20, 4); // made by: version 2.0
  b.writeUInt16LE(20, 6);
  b.writeUInt16LE(UTF8_NAMES, 8);
  b.writeUInt16LE(8, 10);
  b.writeUInt16LE(DOS_TIME, 12);
  b.writeUInt16LE(DOS_DATE, 14);
  b.writeUInt32LE(p.crc, 16);
  b.writeUInt32LE(p.compressed.length, 20);
  b.writeUInt32LE(p.size, 24);
  b.writeUInt16LE(p.name.length, 28);
  // extra length, comment length, disk number, internal and external attributes: all zero
  b.writeUInt32LE(p.offset, 42);
  return b;
}

function endOfDirectory(count: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}
