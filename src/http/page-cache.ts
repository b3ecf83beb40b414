/**
 * A rendered public page, ready to send again; its headers as a flat list of names and values
 * (`[name, value, name, value, …]`), the form Node's `writeHead` takes with the least work.
 */
type CachedPage = { body: Uint8Array; etag: string; headers: string[] };

/**
 * Rendered public pages for visitors, kept until any write invalidates them.
 * Listeners let another mechanism (PostgreSQL NOTIFY) spread invalidations to other instances.
 */
export class PageCache {
  private pages = new Map<string, CachedPage>();
  private listeners: Array<() => void> = [];
  private version = 0;

  constructor(private readonly maxEntries = 2000) {}

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

  /** Drops every page here and tells listeners (other instances). */
  invalidate(): void {
    this.invalidateLocally();
    for (const listener of this.listeners) listener();
  }

  /** Drops every page here only (an invalidation that came from another instance). */
  invalidateLocally(): void {
    this.version++;
    this.pages.clear();
  }

  onInvalidate(listener: () => void): void {
    this.listeners.push(listener);
  }
}
