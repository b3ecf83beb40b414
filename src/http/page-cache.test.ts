import { describe, expect, it } from "vitest";
import { PageCache } from "./page-cache.js";

const page = (bytes: number, until = Number.MAX_SAFE_INTEGER) => ({
  body: new Uint8Array(bytes),
  etag: '"x"',
  headers: [],
  until,
});

describe("the signed-in pages of the page cache", () => {
  it("keeps pages within its byte budget, dropping the oldest first", () => {
    const cache = new PageCache(10, 100);
    const v = cache.currentSignedInVersion;
    cache.setSignedIn("a", page(40), v);
    cache.setSignedIn("b", page(40), v);
    cache.setSignedIn("c", page(40), v);
    expect(cache.getSignedIn("a", 0)).toBeUndefined();
    expect(cache.getSignedIn("b", 0)).toBeDefined();
    expect(cache.getSignedIn("c", 0)).toBeDefined();
    // Replacing a page counts its bytes once; a page over the whole budget is not kept.
    cache.setSignedIn("c", page(60), v);
    expect(cache.getSignedIn("b", 0)).toBeDefined();
    cache.setSignedIn("big", page(101), v);
    expect(cache.getSignedIn("big", 0)).toBeUndefined();
    expect(cache.getSignedIn("b", 0)).toBeDefined();
  });

  it("serves a page until its time, and none stored by a render a write overtook", () => {
    const cache = new PageCache();
    const before = cache.currentSignedInVersion;
    cache.setSignedIn("a", page(10, 1_000), before);
    expect(cache.getSignedIn("a", 999)).toBeDefined();
    expect(cache.getSignedIn("a", 1_000)).toBeUndefined();
    cache.invalidateSignedIn();
    cache.setSignedIn("b", page(10), before);
    expect(cache.getSignedIn("b", 0)).toBeUndefined();
  });

  it("drops signed-in pages on any write, visitors' pages only on a write visitors see", () => {
    const cache = new PageCache();
    const heard: string[] = [];
    cache.onInvalidate((staleness) => heard.push(staleness));
    cache.set("/news", { body: new Uint8Array(1), etag: '"n"', headers: [] }, cache.currentVersion);
    cache.setSignedIn("a", page(10), cache.currentSignedInVersion);
    cache.invalidateSignedIn();
    expect(cache.get("/news")).toBeDefined();
    expect(cache.getSignedIn("a", 0)).toBeUndefined();
    cache.setSignedIn("a", page(10), cache.currentSignedInVersion);
    cache.invalidate();
    expect(cache.get("/news")).toBeUndefined();
    expect(cache.getSignedIn("a", 0)).toBeUndefined();
    expect(heard).toEqual(["signed-in", "all"]);
  });
});
