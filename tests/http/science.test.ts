import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { forumSettings } from "../../src/db/schema/index.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

describe("Science Perspectives", () => {
  it("presents the text, the science group and the missions serving the roadmap's science goals", async () => {
    const res = await t.app.request("/science");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Science Perspectives</h1>");
    expect(html).toContain("The science white paper");
    expect(html).toContain('<h2 id="science-group">Science Working Group</h2>');
    expect(html).toContain('href="/groups/swg"');
    expect(html).toContain("Science in the roadmap");
    expect(html).toContain("<strong>Search for life</strong>");
    expect(html).not.toContain("<strong>Stimulate economic expansion</strong>");
    expect(html).toMatch(/\d+ missions in the agencies&#39; plans serve/);
    expect(html).toMatch(/href="\/roadmap\/missions\/[a-z0-9-]+"/);
  });

  it("shows only the text for a forum whose settings name no science goals or group", async () => {
    const [row] = await t.deps.db.select().from(forumSettings).where(eq(forumSettings.key, "forum"));
    const { science: _, ...rest } = row!.value as Record<string, unknown>;
    await t.deps.db.update(forumSettings).set({ value: rest }).where(eq(forumSettings.key, "forum"));
    t.deps.cache.invalidate();
    const html = await (await t.app.request("/science")).text();
    expect(html).toContain("<h1>Science Perspectives</h1>");
    expect(html).not.toContain("Science in the roadmap");
    expect(html).not.toContain('id="science-group"');
  });
});
