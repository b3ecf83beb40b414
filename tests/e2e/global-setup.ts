import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../../src/config.js";
import { totpFactors } from "../../src/db/schema/index.js";
import { createPerson } from "../../src/features/directory/people.service.js";
import { systemActor } from "../../src/http/actor.js";
import { createLogger } from "../../src/http/logger.js";
import { prepareDatabase } from "../../src/server.js";
import { accounts } from "./accounts.js";
import { clearAxeLog, wcagStandard, writeAccessibilityResults } from "./axe-log.js";
import { assertChromium } from "./chromium.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A data directory holding a migrated, seeded PGlite database with the e2e accounts; copied per file. */
    e2eDataTemplate: string;
  }
}

/**
 * Prepares one data directory the way a first start does (migrations, then the dataset), adds the
 * accounts through the service `isecg user add` calls, and hands it to the files to copy. Seeding
 * takes ~10 s on PGlite, so doing it once keeps the run short.
 */
export default async function setup(project: TestProject) {
  assertChromium();
  clearAxeLog();
  const dataDir = mkdtempSync(join(tmpdir(), "isecg-e2e-template-"));
  const config = loadConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "warn" });
  const { database, deps } = await prepareDatabase(config, createLogger("warn"));
  try {
    const actor = systemActor("end-to-end tests");
    const secretariat = await createPerson(deps, actor, {
      name: accounts.secretariat.name,
      email: accounts.secretariat.email,
      roles: ["secretariat"],
      active: true,
      password: accounts.secretariat.password,
    });
    // The secretariat must use two factors: its authenticator app is on, and `signIn` types its codes.
    await deps.db
      .insert(totpFactors)
      .values({ personId: secretariat.id, secret: accounts.secretariat.totpSecret, confirmedAt: new Date() });
    await createPerson(deps, actor, {
      name: accounts.focalPoint.name,
      email: accounts.focalPoint.email,
      organisation: accounts.focalPoint.organisation,
      roles: ["member", "focal_point"],
      active: true,
      password: accounts.focalPoint.password,
    });
    await createPerson(deps, actor, {
      name: accounts.member.name,
      email: accounts.member.email,
      organisation: accounts.member.organisation,
      roles: ["member"],
      active: true,
      password: accounts.member.password,
    });
    for (const focal of [accounts.jaxaFocal, accounts.nasaFocal]) {
      await createPerson(deps, actor, { ...focal, roles: ["member", "focal_point"], active: true });
    }
  } finally {
    await database.close();
  }
  project.provide("e2eDataTemplate", dataDir);
  return () => {
    rmSync(dataDir, { recursive: true, force: true });
    writeAccessibilityResults(wcagStandard);
  };
}
