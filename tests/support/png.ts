const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** The width and height of a PNG, read from its header; throws if the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (SIGNATURE.some((b, k) => bytes[k] !== b)) throw new Error("not a PNG: wrong signature");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The first chunk is IHDR: length (4 bytes), type (4), then width and height (4 each, big-endian).
  if (String.fromCharCode(...bytes.slice(12, 16)) !== "IHDR") throw new Error("not a PNG: no IHDR first");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The width and height attributes of an SVG document's root element. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = svg.match(/<svg\b[^>]*>/)?.[0] ?? "";
  const attribute = (name: string) => Number(root.match(new RegExp(`\\s${name}="([\\d.]+)"`))?.[1]);
  return { width: attribute("width"), height: attribute("height") };
}
