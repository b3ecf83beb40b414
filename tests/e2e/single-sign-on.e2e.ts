import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOidcProvider, type TestOidcProvider } from "../support/oidc.js";
import { accounts, checkA11y, signIn, usePlatform, visibleText } from "./support.js";

const platform = usePlatform();
let idp: TestOidcProvider;
// After usePlatform's own beforeAll: the redirect address needs the platform's real port.
beforeAll(async () => {
  idp = await startOidcProvider(`${platform.baseUrl}/sign-in/sso/callback`);
  idp.users.set("esa-42", {
    sub: "esa-42",
    email: "Ada.Newcomer@esa.example",
    email_verified: true,
    name: "Ada Newcomer",
  });
});
afterAll(async () => idp?.close());

const h1 = (page: Page) => visibleText(page.locator("h1").first());

describe("single sign-on", () => {
  it("the secretariat sets up ESA's provider; a new ESA colleague signs in with ESA and is a member", async () => {
    const { page } = await platform.open();
    await signIn(page, accounts.secretariat);
    await page.goto("/private/members");
    await page.getByRole("link", { name: "Single sign-on for ESA" }).click();
    await page.waitForURL("**/private/members/esa/sso");
    expect(await h1(page)).toBe("Single sign-on for ESA");
    await checkA11y(page, "single sign-on settings");
    await page.getByLabel("Issuer address").fill(idp.issuer);
    await page.getByLabel("Client id").fill(idp.clientId);
    await page.getByLabel("Client secret").fill(idp.clientSecret);
    await page.getByLabel("Allowed e-mail domains").fill("esa.example");
    await page.getByLabel('Show "Sign in with ESA" on the sign-in page').check();
    await page.getByRole("button", { name: "Save single sign-on" }).click();
    await page.waitForURL("**/private/members/esa/sso?done=saved");
    expect(await page.getByLabel("Client secret").inputValue()).toBe("");
    await page.getByRole("button", { name: "Test the connection" }).click();
    await page.waitForURL("**/sso?done=reachable");
    expect(await visibleText(page.getByRole("status"))).toContain("The identity provider answered");

    const colleague = (await platform.open()).page;
    await colleague.goto("/sign-in");
    await checkA11y(colleague, "sign-in page with single sign-on");
    await colleague.getByRole("link", { name: /Sign in with ESA/ }).click();
    // The provider's own (development) login and consent pages.
    await colleague.locator('input[name="login"]').fill("esa-42");
    await colleague.locator('input[name="password"]').fill("anything");
    await colleague.locator('button[type="submit"]').click();
    await colleague.getByRole("button", { name: "Continue" }).click();
    await colleague.waitForURL("**/private");
    expect(await h1(colleague)).toBe("Welcome, Ada Newcomer");
    await checkA11y(colleague, "private home after single sign-on");

    // Someone outside the allowed domains is told what to do, in a page that passes axe too.
    idp.users.set("other-1", {
      sub: "other-1",
      email: "x@elsewhere.example",
      email_verified: true,
      name: "X",
    });
    const stranger = (await platform.open()).page;
    await stranger.goto("/sign-in");
    await stranger.getByRole("link", { name: /Sign in with ESA/ }).click();
    await stranger.locator('input[name="login"]').fill("other-1");
    await stranger.locator('input[name="password"]').fill("anything");
    await stranger.locator('button[type="submit"]').click();
    const refused = stranger.waitForResponse((r) => r.url().includes("/sign-in/sso/callback"));
    await stranger.getByRole("button", { name: "Continue" }).click();
    expect((await refused).status()).toBe(403);
    expect(await h1(stranger)).toBe("No account for this identity");
    await checkA11y(stranger, "single sign-on refusal");
  });
});
