/**
 * A rendered page, ready to send again; its headers as a flat list of names and values
 * (`[name, value, name, value, …]`), the form Node's `writeHead` takes with the least work.
 */
export type CachedPage = { body: Uint8Array; etag: string; headers: string[] };

/** A signed-in page, kept for one browser (its cookies) until `until` (epoch ms) at the latest. */
type SignedInPage = CachedPage & { until: number };

/** What a write made stale: every page, or only signed-in pages (a write no visitor sees). */
export type Staleness = "all" | "signed-in";

/**
 * Rendered pages kept until a write makes them stale: visitors' pages by address, and signed-in
 * pages by address and browser (cache.ts says which). Listeners let another mechanism (PostgreSQL
 * NOTIFY) spread invalidations to other instances.
 */
export class PageCache {
  private pages = new Map<string, CachedPage>();
  private signedIn = new Map<string, SignedInPage>();
  private listeners: Array<(staleness: Staleness) => void> = [];
  private version = 0;
  private signedInVersion = 0;

  private signedInBytes = 0;

  /** At most `maxEntries` visitors' pages, and signed-in pages up to `maxSignedInBytes` (one per browser and page). */
  constructor(
    private readonly maxEntries = 2000,
    private readonly maxSignedInBytes = 16 * 1024 * 1024,
  ) {}

  get(key: string): CachedPage | undefined {
    return this.pages.get(key);
  }

  /** Stores a page unless an invalidation happened since `versionAtStart` (the render may be stale). */
  set(key: string, page: CachedPage, versionAtStart: number): void {
    if (versionAtStart !== this.version) return;
    if (this.pages.size >= this.maxEntries) this.pages.clear();
    this.pages.set(key, page);
  }

  get currentVersion(): number {
    return this.version;
  }

  getSignedIn(key: string, nowMs: number): CachedPage | undefined {
    const page = this.signedIn.get(key);
    if (page && nowMs >= page.until) {
      this.dropSignedIn(key, page);
      return undefined;
    }
    return page;
  }

  /** Stores a signed-in page unless any write happened since `versionAtStart`. */
  setSignedIn(key: string, page: SignedInPage, versionAtStart: number): void {
    if (versionAtStart !== this.signedInVersion || page.body.byteLength > this.maxSignedInBytes) return;
    const old = this.signedIn.get(key);
    if (old) this.dropSignedIn(key, old);
    // The oldest pages go first: a Map iterates in insertion order.
    for (const [oldest, p] of this.signedIn) {
      if (this.signedInBytes + page.body.byteLength <= this.maxSignedInBytes) break;
      this.dropSignedIn(oldest, p);
    }
    this.signedIn.set(key, page);
    this.signedInBytes += page.body.byteLength;
  }

  private dropSignedIn(key: string, page: SignedInPage): void {
    this.signedIn.delete(key);
    this.signedInBytes -= page.body.byteLength;
  }

  get currentSignedInVersion(): number {
    return this.signedInVersion;
  }

  /** Drops every page here and tells listeners (other instances). */
  invalidate(): void {
    this.invalidateLocally();
    for (const listener of this.listeners) listener("all");
  }

  /** Drops the signed-in pages here (a write only members see) and tells listeners. */
  invalidateSignedIn(): void {
    this.invalidateLocally("signed-in");
    for (const listener of this.listeners) listener("signed-in");
  }

  /** Drops pages here only (an invalidation that came from another instance). */
  invalidateLocally(staleness: Staleness = "all"): void {
    this.signedInVersion++;
    this.signedIn.clear();
    this.signedInBytes = 0;
    if (staleness === "signed-in") return;
    this.version++;
    this.pages.clear();
  }

  onInvalidate(listener: (staleness: Staleness) => void): void {
    this.listeners.push(listener);
  }
}
