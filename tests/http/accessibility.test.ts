import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();
const results = JSON.parse(readFileSync("src/features/site/accessibility-results.json", "utf8"));

describe("the accessibility statement", () => {
  it("states what the browser suite's checks found, page by page, and whom to tell", async () => {
    const res = await t.app.request("/accessibility");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Accessibility statement");
    expect(html).toContain(`checked ${results.pages.length} pages with ${results.tool}`);
    expect(html).toContain("partially conforms to WCAG 2.2");
    const escaped = (s: string) =>
      s.replaceAll("&", "&amp;").replaceAll("'", "&#39;").replaceAll("<", "&lt;");
    for (const p of results.pages) expect(html).toContain(`<th scope="row">${escaped(p.label)}`);
    expect(html).toContain('href="mailto:ISECG@esa.int"');
    expect(html).toContain('href="/contact"');
  });

  it("is linked from every page's footer and listed in the sitemap", async () => {
    expect(await (await t.app.request("/news")).text()).toContain(
      '<a href="/accessibility">Accessibility</a>',
    );
    expect(await (await t.app.request("/sitemap.xml")).text()).toContain("/accessibility</loc>");
  });
});
