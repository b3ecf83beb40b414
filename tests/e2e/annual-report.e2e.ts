import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accounts, checkA11y, screenshot, signIn, usePlatform, visibleText } from "./support.js";

const platform = usePlatform();

const h1 = (page: Page) => visibleText(page.locator("h1").first());

const summary = "The forum **agreed** on the 2024 work plan.\n\n- Roadmap workshops\n- A new member welcomed";

// One long journey: publishing draws the PDF twice (contents pages), and every step is checked by axe.
describe("the secretariat's annual report", () => {
  it("drafts 2024 in the browser, compares it with the frozen 2023 edition and publishes it to the library", async () => {
    const { page } = await platform.open();
    await signIn(page, accounts.secretariat);

    // Start the 2024 draft from the list of reports.
    await page.goto("/private/reports");
    await page.getByLabel("Year").fill("2024");
    await page.getByRole("button", { name: "Start the draft" }).click();
    await page.waitForURL("**/private/reports/2024");
    expect(await h1(page)).toBe("Annual Report 2024");
    await checkA11y(page, "the 2024 draft's overview");

    // Write the executive summary in Markdown, preview it, then save it.
    await page.getByRole("link", { name: "Executive summary" }).click();
    await page.waitForURL("**/private/reports/2024/parts/executive-summary/edit");
    expect(await visibleText(page.locator("main"))).toContain("Executive summary");
    await page.getByLabel(/^Text/).fill(summary);
    await page.getByRole("button", { name: "Preview" }).click();
    await page.waitForLoadState();
    const preview = page.locator(".preview-frame");
    expect(await visibleText(preview.locator("strong"))).toBe("agreed");
    expect(await preview.locator("li").count()).toBe(2);
    expect(await page.getByLabel(/^Text/).inputValue()).toBe(summary);
    expect(await visibleText(page.locator("aside"))).toContain("The year's records");
    await checkA11y(page, "the part editor with its preview");
    await screenshot(page, "report-editor");
    await page.getByRole("button", { name: "Save draft text" }).click();
    await page.waitForURL("**/private/reports/2024?done=saved");
    expect(await visibleText(page.getByRole("listitem").filter({ hasText: "Executive summary" }))).toContain(
      "written",
    );

    // The draft beside the frozen 2023 edition.
    await page.getByRole("link", { name: "Compare with 2023" }).click();
    await page.waitForURL("**/private/reports/2024/compare");
    expect(await h1(page)).toBe("The 2024 report compared with 2023");
    expect(await visibleText(page.locator("main"))).toContain("the published edition, as frozen");
    expect(await page.getByRole("heading", { name: "Members", level: 2 }).count()).toBe(1);
    await checkA11y(page, "the comparison with 2023");

    // Publish, through the confirmation page.
    await page.goto("/private/reports/2024");
    await page.getByRole("link", { name: "Publish", exact: true }).click();
    await page.waitForURL("**/private/reports/2024/publish");
    await checkA11y(page, "the publish confirmation");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.waitForURL("**/private/reports?done=published");
    expect(await visibleText(page.getByRole("listitem").filter({ hasText: "Annual Report 2024" }))).toContain(
      "published",
    );

    // A visitor finds it in the library under the annual reports, and its PDF downloads.
    const visitor = (await platform.open()).page;
    await visitor.goto("/publications");
    await visitor.getByLabel("Category").selectOption({ label: "Annual report" });
    await visitor.getByRole("button", { name: "Show" }).click();
    await visitor.waitForURL("**/publications?category=annual_report*");
    await visitor.getByRole("link", { name: "ISECG Annual Report 2024" }).click();
    await visitor.waitForURL("**/publications/annual-report-2024");
    await checkA11y(visitor, "the 2024 report in the library");
    const href = await visitor.locator('a[type="application/pdf"]').getAttribute("href");
    const pdf = await visitor.request.get(href ?? "");
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // The public page of the new edition carries the summary as written.
    await visitor.goto("/reports/2024");
    expect(await visibleText(visitor.locator("main"))).toContain("agreed on the 2024 work plan");
    await checkA11y(visitor, "the published 2024 report");
  }, 180_000);
});
