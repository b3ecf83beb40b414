import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/** The system Chromium the journeys drive (`npx playwright install` is not used). */
export const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Fails, with what to do about it, when there is no browser to drive: the suite never skips. */
export function assertChromium(): void {
  if (existsSync(executablePath)) return;
  throw new Error(
    `The end-to-end tests need Chromium, but there is none at ${executablePath}. ` +
      "Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary. " +
      "The suite drives that browser through playwright-core; `npx playwright install` is not needed.",
  );
}

/** The viewports every journey and screenshot is checked at. */
export const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 360, height: 780 },
} as const;
export type ViewportName = keyof typeof viewports;

export type ContextOptions = NonNullable<Parameters<Browser["newContext"]>[0]>;

/** How long a step (a click, a wait for a page) may take before the journey fails. */
const stepTimeoutMs = 20_000;

/** Starts the system Chromium, headless: one per test file, which opens a context per person. */
export function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}

/**
 * A new window as a new person: a context has its own cookies and storage, like a fresh profile,
 * and costs a fraction of starting another browser. Desktop-sized unless `options` say otherwise.
 */
export async function openContext(
  browser: Browser,
  options: ContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: viewports.desktop, ...options });
  context.setDefaultTimeout(stepTimeoutMs);
  return { context, page: await context.newPage() };
}
