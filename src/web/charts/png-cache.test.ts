import { describe, expect, it } from "vitest";
import { PageCache } from "../../http/page-cache.js";
import { PngCache } from "./png-cache.js";

/** A PngCache whose renderer counts its calls and answers the SVG's bytes after a moment. */
function counting(maxBytes?: number) {
  const rendered: string[] = [];
  const wanted: Array<() => boolean> = [];
  const render = async (svg: string, isWanted: () => boolean) => {
    // Like the pool with a free worker, ask at once whether anyone waits.
    if (!isWanted()) throw new Error("rendered for nobody");
    rendered.push(svg);
    wanted.push(isWanted);
    await new Promise((r) => setTimeout(r, 5));
    return new TextEncoder().encode(svg);
  };
  return { cache: new PngCache(render, maxBytes), rendered, wanted };
}

describe("the PNG cache", () => {
  it("serves a second request for the same chart from memory, without rendering again", async () => {
    const { cache, rendered } = counting();
    const first = await cache.png("<svg>a</svg>", 0);
    const second = await cache.png("<svg>a</svg>", 0);
    expect(second).toBe(first);
    expect(rendered).toEqual(["<svg>a</svg>"]);
    await cache.png("<svg>b</svg>", 0);
    expect(rendered).toEqual(["<svg>a</svg>", "<svg>b</svg>"]);
  });

  it("renders a chart asked for by many at the same time once", async () => {
    const { cache, rendered } = counting();
    const pngs = await Promise.all([1, 2, 3].map(() => cache.png("<svg>a</svg>", 0)));
    expect(new Set(pngs).size).toBe(1);
    expect(rendered).toHaveLength(1);
  });

  it("wants a render while anyone asking for it still waits", async () => {
    const { cache, wanted } = counting();
    const [one, two] = [new AbortController(), new AbortController()];
    const pngs = Promise.all([
      cache.png("<svg>a</svg>", 0, one.signal),
      cache.png("<svg>a</svg>", 0, two.signal),
    ]);
    one.abort();
    expect(wanted[0]!()).toBe(true);
    two.abort();
    expect(wanted[0]!()).toBe(false);
    await pngs;
    // Someone who gave no signal (not a request) always waits.
    const three = new AbortController();
    const png = cache.png("<svg>b</svg>", 0);
    cache.png("<svg>b</svg>", 0, three.signal);
    three.abort();
    expect(wanted[1]!()).toBe(true);
    await png;
  });

  it("a write, which moves the page cache's version, drops the rendered charts", async () => {
    const pages = new PageCache();
    const { cache, rendered } = counting();
    await cache.png("<svg>a</svg>", pages.currentVersion);
    await cache.png("<svg>a</svg>", pages.currentVersion);
    expect(rendered).toHaveLength(1);
    pages.invalidate(); // what write() does after every change
    await cache.png("<svg>a</svg>", pages.currentVersion);
    expect(rendered).toHaveLength(2);
    pages.invalidateLocally(); // what a NOTIFY from another instance does
    await cache.png("<svg>a</svg>", pages.currentVersion);
    expect(rendered).toHaveLength(3);
  });

  it("keeps no more bytes than its budget, dropping the least recently used chart first", async () => {
    // Each "PNG" here is its SVG's 12 bytes: two fit in 30 bytes, three do not.
    const { cache, rendered } = counting(30);
    await cache.png("<svg>a</svg>", 0);
    await cache.png("<svg>b</svg>", 0);
    await cache.png("<svg>a</svg>", 0); // a is now the most recently used
    await cache.png("<svg>c</svg>", 0); // b goes
    expect(rendered).toEqual(["<svg>a</svg>", "<svg>b</svg>", "<svg>c</svg>"]);
    await cache.png("<svg>a</svg>", 0);
    await cache.png("<svg>b</svg>", 0);
    expect(rendered).toEqual(["<svg>a</svg>", "<svg>b</svg>", "<svg>c</svg>", "<svg>b</svg>"]);
  });
});
