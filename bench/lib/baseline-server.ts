// A bare node:http server on 127.0.0.1:PORT answering an HTML page of `?bytes=N` bytes (default 10,000).
import { createServer } from "node:http";

const head =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head><body><p>';
const tail = "</p></body></html>\n";
const bodies = new Map<number, Buffer>();

function bodyOf(size: number): Buffer {
  let body = bodies.get(size);
  if (!body) {
    body = Buffer.from(head + "x".repeat(Math.max(0, size - head.length - tail.length)) + tail);
    bodies.set(size, body);
  }
  return body;
}

// Optionally the platform's own response headers (security headers, ETag...), to tell what the
// headers cost from what the platform's code costs.
const extra: Record<string, string> = JSON.parse(process.env.EXTRA_HEADERS ?? "{}");

createServer((req, res) => {
  const size = Number(new URL(req.url ?? "/", "http://x").searchParams.get("bytes") ?? 10_000);
  const body = bodyOf(Number.isInteger(size) && size > 0 && size < 10_000_000 ? size : 10_000);
  res.writeHead(200, { "Content-Type": "text/html; charset=UTF-8", ...extra, "Content-Length": body.length });
  res.end(body);
}).listen(Number(process.env.PORT), "127.0.0.1");

process.once("SIGTERM", () => process.exit(0));
