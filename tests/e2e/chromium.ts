import { existsSync } from "node:fs";

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
