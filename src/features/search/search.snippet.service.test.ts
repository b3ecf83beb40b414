import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START, renderSnippet, stripMarkdown, unmark } from "./search.snippet.service.js";

const m = (word: string) => `${MARK_START}${word}${MARK_END}`;

describe("renderSnippet", () => {
  it("turns the markers into <mark> and escapes everything else", () => {
    expect(renderSnippet(`a ${m("rover")} <script>alert("x")</script> & 'b'`)).toBe(
      "a <mark>rover</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;b&#39;",
    );
  });

  it("escapes markup inside a highlighted word", () => {
    expect(renderSnippet(m("<img src=x onerror=alert(1)>"))).toBe(
      "<mark>&lt;img src=x onerror=alert(1)&gt;</mark>",
    );
  });

  it("keeps <mark> balanced whatever the markers' order", () => {
    expect(renderSnippet(`${MARK_END}a${MARK_START}${MARK_START}b`)).toBe("a<mark>b</mark>");
    expect(renderSnippet(`x${MARK_END}${MARK_END}y`)).toBe("xy");
  });

  it("leaves text without markers escaped and unchanged otherwise", () => {
    expect(renderSnippet("plain text")).toBe("plain text");
    expect(renderSnippet("")).toBe("");
  });
});

describe("stripMarkdown and unmark", () => {
  it("keeps link text and drops Markdown syntax", () => {
    expect(stripMarkdown("## Heading\n\nSee [the **roadmap**](https://example.org/ger) and `code`.")).toBe(
      "Heading See the roadmap and code.",
    );
    expect(stripMarkdown("- one\n- *two*")).toBe("one two");
    expect(stripMarkdown("the [editions so far](/publications?category=ger_roadmap")).toBe(
      "the editions so far",
    );
    expect(stripMarkdown("far](/publications) and more")).toBe("far and more");
  });

  it("removes the markers for plain text", () => {
    expect(unmark(`a ${m("b")} c`)).toBe("a b c");
  });
});
