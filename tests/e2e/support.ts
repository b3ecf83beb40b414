import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { loadConfig } from "../../src/config.js";
import { totpCode } from "../../src/domain/totp.js";
import { startServer } from "../../src/server.js";
import { logAxeCheck } from "./axe-log.js";
import { assertChromium, type ContextOptions, launchChromium, openContext, viewports } from "./chromium.js";

export { accounts } from "./accounts.js";
export { type ViewportName, viewports } from "./chromium.js";

/** The axe-core rule sets the pages must pass: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Where `screenshot` writes (git-ignored). */
export const screenshotDir = resolve("screenshots");

/** A free TCP port on the loopback interface, so BASE_URL (canonical links) names the real address. */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => ok(port));
    });
  });
}

export type Platform = {
  /** Where the platform listens, e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  /** The platform's DATA_DIR: without SMTP_URL, its mail lands in outbox/ as .eml files. */
  dataDir: string;
  /** Opens a new window on the platform as a new person (its own cookies). */
  open: (options?: ContextOptions) => Promise<{ context: BrowserContext; page: Page }>;
};

/**
 * Starts the real platform once for the calling test file, on a fresh data directory (the seeded
 * database with the two accounts) and a real port, and closes it and the browser afterwards.
 */
export function usePlatform(opts: { host?: string } = {}): Platform {
  // Passkeys need a host name, not an address: their files use "localhost".
  const host = opts.host ?? "127.0.0.1";
  const cleanups: Array<() => Promise<void> | void> = [];
  let browser: Promise<Browser> | undefined;
  const platform = { baseUrl: "" } as Platform;

  beforeAll(async () => {
    assertChromium();
    // A fresh data directory: a copy of the one global-setup migrated, seeded and gave accounts.
    const dataDir = mkdtempSync(join(tmpdir(), "isecg-e2e-data-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    cpSync(inject("e2eDataTemplate"), dataDir, { recursive: true });
    const port = await freePort();
    const config = loadConfig({
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      BASE_URL: `http://${host}:${port}`,
    });
    const server = await startServer(config);
    cleanups.push(() => server.close());
    platform.baseUrl = `http://${host}:${server.port}`;
    platform.dataDir = dataDir;
    platform.open = async (options = {}) => {
      browser ??= launchChromium();
      return openContext(await browser, { baseURL: platform.baseUrl, ...options });
    };
  });

  afterAll(async () => {
    await browser?.then((b) => b.close()).catch(() => {});
    browser = undefined;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  return platform;
}

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;

/** Describes axe violations one per block: rule, impact, help, and each offending element. */
export function formatViolations(violations: AxeResults["violations"]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map(
          (n) => `    - ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`,
        )
        .join("\n");
      return `[${v.impact ?? "?"}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join("\n\n");
}

/** Runs axe-core (WCAG 2.0-2.2 A/AA) on the page as it is now and asserts there are no violations. */
export async function checkA11y(page: Page, label = page.url()): Promise<void> {
  // Legacy mode runs axe in the page itself instead of finishing in an extra blank page: the
  // pages have no frames, and it saves a second or more per check.
  const results = await new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode(true).analyze();
  logAxeCheck({
    path: new URL(page.url()).pathname,
    label,
    violations: results.violations.length,
    passes: results.passes.length,
    axe: results.testEngine.version,
    at: new Date().toISOString(),
  });
  const report = formatViolations(results.violations);
  expect(
    results.violations.length,
    `${label}: ${results.violations.length} accessibility violation(s)\n\n${report}`,
  ).toBe(0);
}

/**
 * Saves full-page PNGs of the page at desktop and phone widths as screenshots/{name}-{width}.png,
 * checking on the way that neither width makes the page scroll sideways.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const before = page.viewportSize();
  for (const [width, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await expectNoSideScroll(page, `${name} (${width})`);
    await page.screenshot({ path: join(screenshotDir, `${name}-${width}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}

/** An element's text as rendered: what a person reads, with table cells apart and hidden text left out. */
export function visibleText(locator: Locator): Promise<string> {
  return locator.innerText();
}

/** Asserts the page cannot be scrolled sideways (wide tables must scroll inside their own box). */
export async function expectNoSideScroll(page: Page, label = page.url()): Promise<void> {
  // scrollWidth misses absolutely positioned overflow; trying to scroll does not.
  const offset = await page.evaluate(() => {
    const before = window.scrollX;
    window.scrollTo(100_000, window.scrollY);
    const x = window.scrollX;
    window.scrollTo(before, window.scrollY);
    return x;
  });
  expect(offset, `${label} scrolls sideways by ${offset}px at ${page.viewportSize()?.width}px`).toBe(0);
}

/**
 * The last 30-second step whose code each account used, per test file (each file has its own
 * database, and files share this module in a worker): a code works only once.
 */
const lastSteps = new Map<string, number>();

/** A code from the account's authenticator app that was not used before (waits for the next one if need be). */
export async function freshTotpCode(email: string, secret: string): Promise<string> {
  const key = `${expect.getState().testPath} ${email}`;
  const now = Math.floor(Date.now() / 30_000);
  const step = Math.max(now, (lastSteps.get(key) ?? 0) + 1);
  // The server takes a code one step ahead (clocks drift); further ahead, wait for it.
  const wait = (step - 1) * 30_000 - Date.now();
  if (wait > 0) await new Promise((ok) => setTimeout(ok, wait + 50));
  lastSteps.set(key, step);
  return totpCode(secret, new Date(step * 30_000));
}

/**
 * Signs in through the form, as a person would, and waits for the private area; an account with an
 * authenticator app (`totpSecret`) types its code on the second step.
 */
export async function signIn(
  page: Page,
  who: { email: string; password: string; totpSecret?: string },
): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(/\/private$|\/sign-in\/second-step$/);
  if (page.url().endsWith("/sign-in/second-step")) {
    if (!who.totpSecret) throw new Error(`${who.email} was asked for a second factor it does not have`);
    await page
      .getByLabel(/Code from your authenticator app/)
      .fill(await freshTotpCode(who.email, who.totpSecret));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL("**/private");
  }
}

/** The .eml files a platform wrote to `dataDir/outbox` (no SMTP_URL), decoded from quoted-printable. */
export function outboxMails(dataDir: string): string[] {
  const dir = join(dataDir, "outbox");
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".eml"));
  } catch {
    return [];
  }
  return files.map((f) =>
    readFileSync(join(dir, f), "utf8")
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
  );
}

/** Polls the outbox (the mail worker runs every 2 s) until `match` finds mails, for up to 10 s. */
export async function waitForMails(dataDir: string, match: (eml: string) => boolean): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = outboxMails(dataDir).filter(match);
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((ok) => setTimeout(ok, 250));
  }
}
