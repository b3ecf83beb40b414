import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accounts, checkA11y, screenshot, signIn, usePlatform, visibleText } from "./support.js";

const platform = usePlatform();

const h1 = (page: Page) => visibleText(page.locator("h1").first());

describe("a focal point", () => {
  it("edits their own agency's public profile, and only that one", async () => {
    const { page } = await platform.open();
    await signIn(page, accounts.focalPoint);
    expect(await h1(page)).toBe(`Welcome, ${accounts.focalPoint.name}`);
    expect(await page.getByRole("link", { name: "Edit its public profile" }).getAttribute("href")).toBe(
      "/private/members/esa/edit",
    );
    await checkA11y(page, "focal point's overview");

    await page
      .getByRole("navigation", { name: "Private area" })
      .getByRole("link", { name: "Organisations" })
      .click();
    await page.waitForURL("**/private/members");
    // No "Add" for a focal point, and exactly one edit link: their own agency's.
    expect(await page.getByRole("link", { name: "Add an organisation" }).count()).toBe(0);
    const editLinks = page.locator('a[href$="/edit"]');
    expect(await editLinks.count()).toBe(1);
    expect(await page.getByRole("link", { name: "Edit ESA", exact: true }).getAttribute("href")).toBe(
      "/private/members/esa/edit",
    );
    await checkA11y(page, "organisations list for a focal point");

    await page.getByRole("link", { name: "Edit ESA", exact: true }).click();
    await page.waitForURL("**/private/members/esa/edit");
    expect(await h1(page)).toBe("ESA: public profile");
    // Only the public profile is theirs to change, not the membership facts.
    expect(await page.getByLabel("Acronym").count()).toBe(0);
    expect(await page.getByLabel("Joined", { exact: true }).count()).toBe(0);
    await checkA11y(page, "profile form");
    const description = "Europe's gateway to space, as edited by its focal point.";
    await page.getByLabel("Description").fill(description);
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.waitForURL("**/private/members?done=saved");
    expect(await visibleText(page.getByRole("status"))).toBe("Your changes were saved.");

    await page.goto("/members/esa");
    expect(await visibleText(page.locator(".lead"))).toBe(description);

    // Another agency's edit address is refused with a proper page, not a redirect or a blank.
    const response = await page.goto("/private/members/nasa/edit");
    expect(response?.status()).toBe(403);
    expect(await h1(page)).toBe("Not allowed");
    expect(await visibleText(page.locator(".lead"))).toBe(
      "Only this agency's focal points and the secretariat can change it.",
    );
    expect(await page.getByRole("textbox").count()).toBe(0);
    await checkA11y(page, "403 page");
    await screenshot(page, "forbidden");
  });
});
