// A bare node:http server answering one fixed HTML page of BENCH_BODY_BYTES bytes on 127.0.0.1:PORT.
import { createServer } from "node:http";

const size = Number(process.env.BENCH_BODY_BYTES ?? 10_000);
const head =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head><body><p>';
const tail = "</p></body></html>\n";
const body = Buffer.from(head + "x".repeat(Math.max(0, size - head.length - tail.length)) + tail);

createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": "text/html; charset=UTF-8", "Content-Length": body.length });
  res.end(body);
}).listen(Number(process.env.PORT), "127.0.0.1");

process.once("SIGTERM", () => process.exit(0));
