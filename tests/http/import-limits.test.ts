import { describe, expect, it } from "vitest";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

// Over the general 1 MB body limit, well under the imports' 64 MB.
const bigCsv = (header: string) => `${header}\n${`${"y".repeat(100)},\n`.repeat(12_000)}`;

describe("import files over the general 1 MB body limit", () => {
  it("reach the technology imports' checks by API and page instead of a 413", async () => {
    const secretariat = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    for (const path of [
      "/api/v1/technologies/import",
      "/api/v1/capabilities/import",
      "/api/v1/technology-needs/import",
    ]) {
      const body = bigCsv("code,title");
      expect(body.length).toBeGreaterThan(1024 * 1024);
      const res = await t.app.request(`${path}?dryRun=true`, {
        method: "POST",
        headers: { cookie: secretariat.cookie, "content-type": "text/csv" },
        body,
      });
      // The file was read and checked: a report, not the body limit's refusal.
      expect(res.status, path).not.toBe(413);
      expect([200, 422], path).toContain(res.status);
      expect((await res.json()) as { data: object }, path).toHaveProperty("data.dryRun", true);
    }
    const page = await secretariat.post("/private/technology/data", {
      kind: "technologies",
      text: bigCsv("code,title"),
      format: "csv",
      action: "check",
    });
    expect(page.status).not.toBe(413);
  });

  it("still refuses an oversized body elsewhere", async () => {
    const secretariat = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const res = await secretariat.post("/private/faq/new", { question: "x".repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
  });
});
