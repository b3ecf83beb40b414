import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  accounts,
  checkA11y,
  expectNoSideScroll,
  freshTotpCode,
  screenshot,
  signIn,
  usePlatform,
  type ViewportName,
  viewports,
  visibleText,
} from "./support.js";

const platform = usePlatform();

const h1 = (page: Page) => visibleText(page.locator("h1").first());

/** Follows the visitor's path by clicking links, checking each page's heading (and axe, when asked). */
async function browse(page: Page, opts: { axe: boolean; shots?: boolean }) {
  const check = async (name: string) => {
    await expectNoSideScroll(page, name);
    if (opts.axe) await checkA11y(page, name);
    if (opts.shots) await screenshot(page, name);
  };
  const strip = page.getByRole("navigation", { name: "Main", exact: true });
  // On a phone the sections sit behind the Menu button; it opens without any script.
  const section = async (name: string) => {
    const menu = page.locator("details.nav-menu > summary");
    if (await menu.isVisible()) {
      await menu.click();
      return page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name, exact: true });
    }
    return strip.getByRole("link", { name, exact: true });
  };

  await page.goto("/");
  expect(await h1(page)).toBe("International Space Exploration Coordination Group");
  expect(await page.title()).toBe("International Space Exploration Coordination Group");
  await check("home");

  await (await section("Members")).click();
  await page.waitForURL("**/members");
  expect(await h1(page)).toBe("Member organisations");
  expect(await (await section("Members")).getAttribute("aria-current")).toBe("page");
  await page.keyboard.press("Escape");
  await page.locator("details.nav-menu").evaluate((d) => d.removeAttribute("open"));
  // The growth chart's figures open in a native <details>, which needs no script.
  const figures = page.getByText("Show the figures as a table");
  await figures.click();
  expect(await page.locator("details.data-table").getAttribute("open")).not.toBeNull();
  expect(await page.locator("details.data-table table").isVisible()).toBe(true);
  await check("members");

  await page
    .getByRole("table", { name: "Current members, by acronym" })
    .getByRole("link", { name: "ESA" })
    .click();
  await page.waitForURL("**/members/esa");
  expect(await h1(page)).toBe("European Space Agency (ESA)");
  expect(await visibleText(page.locator("dl.details"))).toContain("Member since");
  // BASE_URL names the real address, so canonical links point back at this very page.
  expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(
    `${platform.baseUrl}/members/esa`,
  );
  await check("member-esa");

  await (await section("About")).click();
  await page.waitForURL("**/about");
  expect(await h1(page)).toBe("About ISECG");
  for (const heading of ["Purpose", "Principles", "Background", "Chair and secretariat"]) {
    expect(await page.getByRole("heading", { level: 2, name: heading }).isVisible()).toBe(true);
  }
  await check("about");
}

describe("a visitor", () => {
  for (const name of Object.keys(viewports) as ViewportName[]) {
    it(`browses Home, Members, the ESA page and About at ${name} width, and every page passes axe`, async () => {
      const { page } = await platform.open({ viewport: viewports[name] });
      await browse(page, { axe: true, shots: name === "desktop" });
    });
  }

  it("finds the public pages accessible in dark mode too", async () => {
    const { page } = await platform.open({ colorScheme: "dark" });
    for (const path of ["/", "/members", "/members/esa", "/about", "/sign-in"]) {
      await page.goto(path);
      await checkA11y(page, `${path} (dark)`);
    }
  });

  it("can browse the same pages, and sign in, with JavaScript disabled", async () => {
    const { page } = await platform.open({ javaScriptEnabled: false });
    await browse(page, { axe: false });
    // Signing in is a plain form post too.
    await signIn(page, accounts.secretariat);
    expect(await h1(page)).toBe(`Welcome, ${accounts.secretariat.name}`);
  });

  it("reaches the main content with the skip link, the first Tab stop", async () => {
    const { page } = await platform.open();
    await page.goto("/members");
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const box = el?.getBoundingClientRect();
      return { text: el?.textContent?.trim(), href: el?.getAttribute("href"), top: box?.top ?? -1 };
    });
    expect(first).toMatchObject({ text: "Skip to content", href: "#main" });
    // Hidden until focused, then on screen.
    expect(first.top).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    expect(new URL(page.url()).hash).toBe("#main");
    // The next Tab continues inside main, not back at the header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
  });

  it("sees an error on the sign-in page after a wrong password, and can correct it", async () => {
    const { page } = await platform.open();
    await page.goto("/sign-in");
    expect(await h1(page)).toBe("Sign in to the private area");
    await checkA11y(page, "sign-in");
    await screenshot(page, "sign-in");

    await page.getByLabel("E-mail address").fill(accounts.secretariat.email);
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/sign-in") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Sign in", exact: true }).click(),
    ]);
    expect(response.status()).toBe(422);
    await page.waitForLoadState();
    const summary = page.getByRole("alert");
    expect(await visibleText(summary)).toContain("The e-mail address or password is not correct.");
    const email = page.getByLabel("E-mail address");
    expect(await email.inputValue()).toBe(accounts.secretariat.email);
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    expect(await visibleText(page.locator("#f-email-error"))).toBe(
      "The e-mail address or password is not correct.",
    );
    expect(await page.getByLabel("Password", { exact: true }).inputValue()).toBe("");
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await checkA11y(page, "sign-in with a wrong password");
    await screenshot(page, "sign-in-error");

    await page.getByLabel("Password", { exact: true }).fill(accounts.secretariat.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    // The secretariat must use two factors: the code from its authenticator app comes next.
    await page.waitForURL("**/sign-in/second-step");
    await checkA11y(page, "sign-in second step");
    const sec = accounts.secretariat;
    const code = await freshTotpCode(sec.email, sec.totpSecret);
    await page.getByLabel(/Code from your authenticator app/).fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL("**/private");
  });
});
