import { describe, expect, it } from "vitest";
import { findAll, parseXml, textOf } from "../../../tests/support/xml.js";
import { buildAtom, buildRss, buildSitemap, type FeedItem, xmlEscape } from "./news.feeds.export.js";

const info = {
  title: "ISECG news",
  subtitle: "News & notes",
  siteUrl: "https://example.org/news",
  feedUrl: "https://example.org/feeds/news.atom",
  updated: new Date("2024-01-02T03:04:05Z"),
};
const item: FeedItem = {
  title: `<script>alert("x")</script> & more`,
  url: "https://example.org/news/a?x=1&y=2",
  summary: "Summary with <b>tags</b>",
  html: "<p>Body &amp; <em>stuff</em></p>",
  published: new Date("2023-12-07T12:00:00Z"),
  updated: new Date("2023-12-08T12:00:00Z"),
};

describe("news feeds", () => {
  it("escapes the five XML specials and drops control characters", () => {
    expect(xmlEscape(`<a href="x">'&'</a>\u0001`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;",
    );
  });

  it("builds an Atom 1.0 feed that parses, with escaped titles and absolute links", () => {
    const xml = buildAtom(info, [item]);
    expect(xml).not.toContain("<script>");
    const feed = parseXml(xml);
    expect(feed.name).toBe("feed");
    expect(feed.attrs.xmlns).toBe("http://www.w3.org/2005/Atom");
    const [entry] = findAll(feed, "entry");
    expect(textOf(findAll(entry!, "title")[0])).toBe(item.title);
    expect(findAll(entry!, "link")[0]!.attrs.href).toBe(item.url);
    expect(textOf(findAll(entry!, "content")[0])).toBe(item.html);
    expect(textOf(findAll(entry!, "updated")[0])).toBe("2023-12-08T12:00:00.000Z");
    expect(textOf(findAll(feed, "subtitle")[0])).toBe("News & notes");
  });

  it("builds an RSS 2.0 feed that parses, with RFC 822 dates", () => {
    const rss = parseXml(buildRss({ ...info, feedUrl: "https://example.org/feeds/news.rss" }, [item]));
    expect(rss.name).toBe("rss");
    expect(rss.attrs.version).toBe("2.0");
    const [entry] = findAll(rss, "item");
    expect(textOf(findAll(entry!, "title")[0])).toBe(item.title);
    expect(textOf(findAll(entry!, "link")[0])).toBe(item.url);
    expect(textOf(findAll(entry!, "pubDate")[0])).toBe("Thu, 07 Dec 2023 12:00:00 GMT");
  });

  it("gives RSS readers a plain-text summary as escaped HTML, so markup in it shows as text", () => {
    const hostile = { ...item, summary: `Look <img src=x onerror="alert(1)"> & see` };
    const rss = parseXml(buildRss({ ...info, subtitle: "<b>News</b>" }, [hostile]));
    const [entry] = findAll(rss, "item");
    // What a reader gets after XML parsing is HTML; rendered, it must read as the original text.
    expect(textOf(findAll(entry!, "description")[0])).toBe(
      "Look &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; see",
    );
    expect(textOf(findAll(findAll(rss, "channel")[0]!, "description")[0])).toBe("&lt;b&gt;News&lt;/b&gt;");
  });

  it("an empty feed is still a valid document", () => {
    expect(findAll(parseXml(buildAtom(info, [])), "entry")).toHaveLength(0);
    expect(findAll(parseXml(buildRss(info, [])), "item")).toHaveLength(0);
  });

  it("builds a sitemap with escaped locations", () => {
    const doc = parseXml(buildSitemap([{ loc: "https://e.org/?a=1&b=2", lastmod: info.updated }]));
    expect(textOf(findAll(doc, "loc")[0])).toBe("https://e.org/?a=1&b=2");
    expect(textOf(findAll(doc, "lastmod")[0])).toBe("2024-01-02");
  });

  it("the test parser itself refuses broken XML", () => {
    expect(() => parseXml("<a><b></a></b>")).toThrow();
    expect(() => parseXml("<a>x & y</a>")).toThrow();
    expect(() => parseXml("<a><b></a>")).toThrow();
  });
});
