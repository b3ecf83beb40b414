import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accounts, checkA11y, screenshot, signIn, usePlatform, visibleText } from "./support.js";

const platform = usePlatform();

const h1 = (page: Page) => visibleText(page.locator("h1").first());

/** Fills the add-organisation form the way a person would: by label. */
async function fillOrganisation(page: Page, joined: string) {
  await page.getByLabel("Acronym").fill("TSA");
  await page.getByLabel("Full name (in English)").fill("Test Space Agency");
  await page.getByLabel("Country", { exact: true }).fill("Testland");
  await page.getByLabel("Kind of organisation").selectOption("space_agency");
  await page.getByLabel("Joined", { exact: true }).fill(joined);
  await page.getByLabel("Description").fill("A space agency that exists only in the end-to-end tests.");
}

describe("a secretariat member", () => {
  it("adds an agency through the private area; it appears in the public directory and the audit log", async () => {
    // A visitor looks at the directory first, so the public page cache holds the old list.
    const visitor = (await platform.open()).page;
    await visitor.goto("/members");
    expect(await visitor.getByRole("link", { name: "TSA", exact: true }).count()).toBe(0);

    const { page } = await platform.open();
    await signIn(page, accounts.secretariat);
    expect(await h1(page)).toBe(`Welcome, ${accounts.secretariat.name}`);
    await checkA11y(page, "private overview");
    await screenshot(page, "private-overview");

    await page
      .getByRole("navigation", { name: "Private area" })
      .getByRole("link", { name: "Organisations" })
      .click();
    await page.waitForURL("**/private/members");
    await checkA11y(page, "private organisations list");
    await screenshot(page, "private-organisations");
    await page.getByRole("link", { name: "Add an organisation" }).click();
    await page.waitForURL("**/private/members/new");
    expect(await h1(page)).toBe("Add a member organisation");
    await checkA11y(page, "add-organisation form");

    // A month that does not exist: the form comes back with a summary and an inline error.
    await fillOrganisation(page, "2024-13");
    await page.getByRole("button", { name: "Add organisation" }).click();
    await page.waitForLoadState();
    const summary = page.locator(".error-summary");
    expect(await summary.getAttribute("role")).toBe("alert");
    expect(await visibleText(summary)).toContain("This is not a real date.");
    const joined = page.getByLabel("Joined", { exact: true });
    expect(await joined.inputValue()).toBe("2024-13");
    expect(await joined.getAttribute("aria-invalid")).toBe("true");
    expect(await joined.getAttribute("aria-describedby")).toContain("f-joined-error");
    expect(await visibleText(page.locator("#f-joined-error"))).toBe("This is not a real date.");
    // What was typed is kept.
    expect(await page.getByLabel("Acronym").inputValue()).toBe("TSA");
    expect(await page.getByLabel("Kind of organisation").inputValue()).toBe("space_agency");
    await checkA11y(page, "add-organisation form with errors");
    await screenshot(page, "organisation-form-errors");
    // The summary's link takes the person to the field.
    await summary.getByRole("link", { name: "This is not a real date." }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("f-joined");

    await joined.fill("2024-05");
    await page.getByRole("button", { name: "Add organisation" }).click();
    await page.waitForURL("**/private/members?done=added**");
    expect(await visibleText(page.getByRole("status"))).toBe("The organisation was added.");
    expect(await visibleText(page.getByRole("row", { name: /TSA/ }))).toContain("Test Space Agency");

    // The public directory (for the signed-in member and for the visitor, past the cache) lists it.
    for (const p of [page, visitor]) {
      await p.goto("/members");
      const row = p
        .getByRole("table", { name: "Current members, by acronym" })
        .getByRole("row", { name: /TSA/ });
      expect(await visibleText(row)).toMatch(/TSA\s+Test Space Agency\s+Testland\s+2024/);
    }
    await visitor.getByRole("link", { name: "TSA", exact: true }).click();
    await visitor.waitForURL("**/members/tsa");
    expect(await h1(visitor)).toBe("Test Space Agency (TSA)");
    const details = await visibleText(visitor.locator("dl.details"));
    expect(details).toContain("Testland");
    expect(details).toContain("May 2024");
    expect(await visibleText(visitor.locator(".lead"))).toContain("exists only in the end-to-end tests");
    await checkA11y(visitor, "the new member's page");

    await page.getByRole("link", { name: "Private area" }).first().click();
    await page.waitForURL("**/private");
    await page
      .getByRole("navigation", { name: "Private area" })
      .getByRole("link", { name: "Audit log" })
      .click();
    await page.waitForURL("**/private/audit");
    const entry = page.getByRole("row", { name: /organisation\.create/ });
    expect(await entry.count()).toBe(1);
    const text = await visibleText(entry);
    expect(text).toContain("Added TSA (Test Space Agency)");
    expect(text).toContain(accounts.secretariat.name);
    await checkA11y(page, "audit log");
    await screenshot(page, "audit-log");
  });
});
