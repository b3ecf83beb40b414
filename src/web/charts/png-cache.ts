import { createHash } from "node:crypto";

/** About a hundred roadmap charts (320 KB each at twice their size). */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Rendered PNGs by the SHA-256 of their SVG, bounded in bytes, the least recently used dropped first.
 * Keyed by content, an entry can never be stale: a changed chart draws a different SVG. Still every
 * entry is dropped when the page cache's version moves (any write, here or, through NOTIFY, on another
 * instance), so charts of data no longer shown do not hold memory until they age out.
 */
export class PngCache {
  private entries = new Map<string, Uint8Array>();
  private pending = new Map<string, { promise: Promise<Uint8Array>; waiters: (AbortSignal | undefined)[] }>();
  private bytes = 0;
  private version: number | undefined;

  /** `render` draws an SVG; its `wanted` says whether anyone still waits (see WorkerPool.run). */
  constructor(
    private readonly render: (svg: string, wanted: () => boolean) => Promise<Uint8Array>,
    private readonly maxBytes = DEFAULT_MAX_BYTES,
  ) {}

  /**
   * The PNG of `svg`: from memory when drawn since the page cache was at `version`, else rendered
   * once, however many ask for the same SVG at the same time. A render still waiting for a worker
   * is dropped once every asker's `signal` has aborted (their connections closed).
   */
  png(svg: string, version: number, signal?: AbortSignal): Promise<Uint8Array> {
    if (version !== this.version) this.clear(version);
    const key = createHash("sha256").update(svg).digest("base64url");
    const hit = this.entries.get(key);
    if (hit) {
      // Map keeps insertion order: moving the entry to the end makes the first one the oldest used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return Promise.resolve(hit);
    }
    const pending = this.pending.get(key);
    if (pending) {
      pending.waiters.push(signal);
      return pending.promise;
    }
    // The first asker is among the waiters before the render starts: the pool may ask at once.
    const waiters = [signal];
    const wanted = () => waiters.some((s) => !s?.aborted);
    const promise = this.render(svg, wanted)
      .then((png) => {
        if (this.version === version) this.keep(key, png);
        return png;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, { promise, waiters });
    return promise;
  }

  private clear(version: number): void {
    this.entries.clear();
    this.bytes = 0;
    this.version = version;
  }

  private keep(key: string, png: Uint8Array): void {
    if (png.byteLength > this.maxBytes || this.entries.has(key)) return;
    this.entries.set(key, png);
    this.bytes += png.byteLength;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.byteLength;
    }
  }
}
