import { readFileSync } from "node:fs";
import { z } from "zod";
import type { AppContext } from "../../http/env.js";
import { renderPage } from "../../http/page.js";
import { pageGroup } from "../../http/routes.js";
import { AccessibilityStatement } from "./views/accessibility-statement.js";

/** What the browser suite's accessibility checks found, written by its last run (tests/e2e/axe-log.ts). */
const resultsSchema = z.object({
  tool: z.string(),
  standard: z.string(),
  pages: z.array(
    z.object({ path: z.string(), label: z.string(), violations: z.number(), testedOn: z.string() }),
  ),
});
export type AccessibilityResults = z.infer<typeof resultsSchema>;

function readResults(): AccessibilityResults | null {
  try {
    const raw = readFileSync(new URL("./accessibility-results.json", import.meta.url), "utf8");
    return resultsSchema.parse(JSON.parse(raw));
  } catch {
    return null;
  }
}

const statement = (results: AccessibilityResults | null) => (c: AppContext) =>
  renderPage(c, {
    title: "Accessibility",
    description: "How accessible this site is, how it was tested, and how to report a problem.",
    body: (ctx) => <AccessibilityStatement forum={ctx.forum} results={results} />,
  });

/** The accessibility statement, with what the browser suite found when the app was built. */
export function accessibilityPages() {
  return pageGroup([["GET", "/accessibility", statement(readResults())]])();
}
