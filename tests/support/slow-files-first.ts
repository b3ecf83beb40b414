import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take 15-45 s each: the access matrix's parts (three-line files), every route sent
 * hostile input, backups and restores, the sign-in throttles.
 */
const slowFiles = [
  /access-matrix-\d+\.test\.ts$/,
  /\/hostile\.test\.ts$/,
  /\/backup\.test\.ts$/,
  /\/throttling\.test\.ts$/,
];
const isSlow = (file: TestSpecification) => slowFiles.some((pattern) => pattern.test(file.moduleId));

/**
 * Starts the slowest files first. Without timings from an earlier run (a fresh clone, as in CI),
 * Vitest runs the largest files first: these started mid-run or last, and one worker sat idle at
 * the end while the other finished one.
 */
export class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter(isSlow), ...sorted.filter((f) => !isSlow(f))];
  }
}
