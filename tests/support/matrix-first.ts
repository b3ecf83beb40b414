import { BaseSequencer, type TestSpecification } from "vitest/node";

const isAccessMatrix = (file: TestSpecification) => /access-matrix-\d+\.test\.ts$/.test(file.moduleId);

/**
 * Starts the access matrix's parts first. Without timings from an earlier run (a fresh clone, as in
 * CI), Vitest runs the largest files first, and the parts are three-line files that take 30-45 s
 * each: they ran last, one worker idle while the other finished them.
 */
export class MatrixFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter(isAccessMatrix), ...sorted.filter((f) => !isAccessMatrix(f))];
  }
}
