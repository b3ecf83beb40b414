import { describe, expect, it } from "vitest";
import { articleInput, publishTime, slugFromTitle, uniqueSlug } from "./news.schemas.js";

describe("article slugs", () => {
  it("are lower-case ASCII words joined by hyphens", () => {
    expect(slugFromTitle("Songdo meeting: a new Roadmap for 2024!")).toBe(
      "songdo-meeting-a-new-roadmap-for-2024",
    );
    expect(slugFromTitle("Montréal & Darmstadt")).toBe("montreal-and-darmstadt");
    expect(slugFromTitle("<script>alert(1)</script>")).toBe("script-alert-1-script");
  });

  it("fall back to 'article' when the title has no latin letters or digits", () => {
    expect(slugFromTitle("月面探査")).toBe("article");
  });

  it("are cut at a word boundary to at most 80 characters", () => {
    const slug = slugFromTitle("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^word(-word)*$/);
  });

  it("get a number when taken", () => {
    expect(uniqueSlug("news", new Set())).toBe("news");
    expect(uniqueSlug("news", new Set(["news", "news-2"]))).toBe("news-3");
  });
});

describe("article input", () => {
  const good = { title: "A title", date: "2024-02-29", summary: "A summary of the news.", body: "Text" };

  it("accepts a complete article and trims empty optionals to null", () => {
    const a = articleInput.parse({ ...good, place: " ", imageUrl: "" });
    expect(a).toMatchObject({ place: null, imageUrl: null, imageAlt: null });
  });

  it.each([
    [{ title: "" }, "title"],
    [{ date: "2023-02-30" }, "date"],
    [{ date: "7 Dec 2023" }, "date"],
    [{ imageUrl: "https://e.org/a.jpg" }, "imageAlt"],
    [{ imageUrl: "javascript:alert(1)", imageAlt: "x" }, "imageUrl"],
  ])("refuses %j", (change, field) => {
    const r = articleInput.safeParse({ ...good, ...change });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toContain(field);
  });

  it("reads a form's local time as UTC and keeps an explicit offset", () => {
    expect(publishTime.parse("2030-01-02T03:04").toISOString()).toBe("2030-01-02T03:04:00.000Z");
    expect(publishTime.parse("2030-01-02T03:04:00+02:00").toISOString()).toBe("2030-01-02T01:04:00.000Z");
    expect(publishTime.safeParse("tomorrow").success).toBe(false);
  });
});
