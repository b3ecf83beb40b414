import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, resolve } from "node:path";

/** Each accessibility check of this run, one JSON line per page checked (git-ignored). */
const logPath = resolve("screenshots/axe-results.jsonl");
/** What the accessibility statement states: the last run's results, kept with the code. */
export const resultsPath = resolve("src/features/site/accessibility-results.json");

/** The rules the checks apply (support.ts's tags), in words, for the accessibility statement. */
export const wcagStandard = "WCAG 2.2, levels A and AA, as far as axe-core tests them automatically";

type Check = { path: string; label: string; violations: number; passes: number; axe: string; at: string };

/** A single-use link's path with its secret left out: "/reset/{link}", one entry whatever the token. */
const withoutSecrets = (path: string) => path.replace(/^\/(invitation|reset|setup)\/[^/?#]+/, "/$1/{link}");

/**
 * Whether `a`'s label names a page better than `b`'s: a written label over an address ("/ (dark)"),
 * then alphabetical. Journeys run side by side, so the order of checks varies; this keeps the file
 * unchanged when the results are.
 */
const namesBetter = (a: { label: string }, b: { label: string }) =>
  a.label.startsWith("/") === b.label.startsWith("/") ? a.label < b.label : !a.label.startsWith("/");

/** Starts a run's log afresh. */
export function clearAxeLog(): void {
  rmSync(logPath, { force: true });
}

/** Notes one page's check for the statement. */
export function logAxeCheck(check: Check): void {
  mkdirSync(dirname(logPath), { recursive: true });
  appendFileSync(logPath, `${JSON.stringify(check)}\n`);
}

/**
 * Merges the run's results into the statement's file: each page checked keeps this run's result
 * (its worst) and date, so running one journey file does not drop the others' pages.
 * A run that checked nothing leaves the file alone.
 */
export function writeAccessibilityResults(standard: string): void {
  if (!existsSync(logPath)) return;
  const checks: Check[] = readFileSync(logPath, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .map((c: Check) => ({ ...c, path: withoutSecrets(c.path) }));
  if (checks.length === 0) return;
  type Page = { path: string; label: string; violations: number; testedOn: string };
  const earlier: Page[] = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, "utf8")).pages : [];
  const byPath = new Map(earlier.map((p) => [p.path, p]));
  const thisRun = new Set<string>();
  for (const c of checks) {
    const seen = thisRun.has(c.path) ? byPath.get(c.path) : undefined;
    if (
      seen &&
      (seen.violations > c.violations || (seen.violations === c.violations && !namesBetter(c, seen)))
    )
      continue;
    byPath.set(c.path, {
      path: c.path,
      label: c.label,
      violations: c.violations,
      testedOn: c.at.slice(0, 10),
    });
    thisRun.add(c.path);
  }
  const pages = [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
  const results = { tool: `axe-core ${checks[0]!.axe}`, standard, pages };
  // Written aside and renamed: the app of a test suite run meanwhile reads this file.
  writeFileSync(`${resultsPath}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(`${resultsPath}.tmp`, resultsPath);
}
