import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { accounts, checkA11y, signIn, usePlatform, visibleText } from "./support.js";

// Passkeys belong to a host name (a relying party id cannot be an address): serve on "localhost".
const platform = usePlatform({ host: "localhost" });

/** Gives the page Chromium's virtual authenticator: a platform passkey that verifies the user. */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

const h1 = (page: Page) => visibleText(page.locator("h1").first());

describe("passkeys", () => {
  it("an ESA focal point adds a passkey, then signs in with it without a password, and uses it as the second step", async () => {
    const { page } = await platform.open();
    await virtualAuthenticator(page);
    await signIn(page, accounts.focalPoint);

    await page.goto("/private/account/two-factor");
    expect(await h1(page)).toBe("Two-factor sign-in");
    await checkA11y(page, "two-factor sign-in");
    await page.getByLabel("Name of the new passkey").fill("Work laptop");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    // The first factor brings ten recovery codes, shown once.
    await page.waitForURL("**/private/account/passkeys");
    expect(await h1(page)).toBe("Your recovery codes");
    expect(await page.locator(".recovery-codes code").count()).toBe(10);
    await checkA11y(page, "recovery codes");
    await page.getByRole("link", { name: "I have kept them" }).click();
    expect(await visibleText(page.locator("main"))).toContain("“Work laptop”");

    // Passwordless: sign out, then "Sign in with a passkey".
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await page.goto("/sign-in");
    await checkA11y(page, "sign-in with passkeys");
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page.waitForURL("**/private");
    expect(await h1(page)).toBe(`Welcome, ${accounts.focalPoint.name}`);

    // With the password, the passkey is the second step.
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await page.goto("/sign-in");
    await page.getByLabel("E-mail address").fill(accounts.focalPoint.email);
    await page.getByLabel("Password", { exact: true }).fill(accounts.focalPoint.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("**/sign-in/second-step");
    await checkA11y(page, "second step with a passkey");
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await page.waitForURL("**/private");
    expect(await h1(page)).toBe(`Welcome, ${accounts.focalPoint.name}`);
  });
});
