import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import {
  missions,
  organisations,
  technologies,
  technologyAreas,
  technologyCapabilities,
  technologyNeeds,
} from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import {
  detectFormat,
  type ImportFormat,
  type ImportReportBase,
  noRecordsError,
  sortImportErrors,
} from "../../../domain/import-report.js";
import type { Actor } from "../../../http/actor.js";
import { forbidden } from "../../../http/errors.js";
import { runImport } from "../../../kit/imports.js";
import { canAddCapabilities, canAddNeeds, canEditTechnologyList } from "../technology.policy.js";
import { type ImportContext, type PlannedRow, planImport } from "./plan.import.js";
import { type ImportKind, readImportFile } from "./read.import.js";

/** What an import did (or, in a dry run, would do), and every problem found. */
export type TechnologyImportReport = ImportReportBase & {
  kind: ImportKind;
  created: number;
  updated: number;
};

/** Who may import each kind: the same people who may add such records by hand. */
export function canImportKind(actor: Actor, kind: ImportKind): boolean {
  if (kind === "technologies") return canEditTechnologyList(actor);
  return kind === "capabilities" ? canAddCapabilities(actor) : canAddNeeds(actor);
}

async function loadContext(db: Db, actor: Actor): Promise<ImportContext> {
  const [areas, techs, orgs, ms, caps, needs] = await Promise.all([
    db.select({ id: technologyAreas.id, code: technologyAreas.code }).from(technologyAreas),
    db.select({ id: technologies.id, code: technologies.code }).from(technologies),
    db.select({ id: organisations.id, acronym: organisations.acronym }).from(organisations),
    db.select({ id: missions.id, slug: missions.slug, lead: missions.leadOrganisationId }).from(missions),
    db
      .select({
        id: technologyCapabilities.id,
        org: technologyCapabilities.organisationId,
        tech: technologyCapabilities.technologyId,
      })
      .from(technologyCapabilities)
      .where(eq(technologyCapabilities.demo, false)),
    db
      .select({
        id: technologyNeeds.id,
        missionId: technologyNeeds.missionId,
        lead: missions.leadOrganisationId,
      })
      .from(technologyNeeds)
      .leftJoin(missions, eq(missions.id, technologyNeeds.missionId))
      .where(eq(technologyNeeds.demo, false)),
  ]);
  return {
    actor,
    areas: new Map(areas.map((a) => [a.code, a.id])),
    technologies: new Map(techs.map((t) => [t.code, t.id])),
    agencies: new Map(orgs.map((o) => [o.acronym.toLowerCase(), o])),
    missions: new Map(ms.map((m) => [m.slug, { id: m.id, leadOrganisationId: m.lead }])),
    capabilities: new Map(caps.map((c) => [`${c.org}:${c.tech}`, c.id])),
    needs: new Map(needs.map((n) => [n.id, { missionId: n.missionId, leadOrganisationId: n.lead }])),
  };
}

/**
 * Imports technologies, capabilities or needs (real dataset only) from CSV or JSON. Technologies
 * match by code and capabilities by agency and technology (created or updated); needs by `id`
 * (updated) or, without one, created. A dry run only reports; the import is all-or-nothing.
 */
export async function importTechnologyFile(
  deps: Deps,
  actor: Actor,
  kind: ImportKind,
  file: { text: string; format?: ImportFormat; dryRun: boolean },
): Promise<TechnologyImportReport> {
  if (!canImportKind(actor, kind)) throw forbidden(`You are not allowed to import ${kind}.`);
  const format = file.format ?? detectFormat(file.text);
  const read = readImportFile(kind, file.text, format);
  if (read.rows.length === 0 && read.errors.length === 0) read.errors.push(noRecordsError("records"));
  return runImport(
    deps,
    actor,
    file.dryRun,
    async (db, writing) => {
      const plan = planImport(kind, read.rows, await loadContext(db, actor), format);
      const errors = sortImportErrors([...read.errors, ...plan.errors]);
      if (writing && errors.length === 0) {
        const by = actor.kind === "person" ? actor.id : null;
        for (const row of plan.rows) await applyRow(db, row, by, deps.now());
      }
      const created = plan.rows.filter((r) => r.existingId === null).length;
      const updated = plan.rows.length - created;
      return { dryRun: file.dryRun, kind, format, rows: read.rows.length, created, updated, errors };
    },
    (report) => ({
      action: `technology.import.${kind}`,
      subjectType: "technology_import",
      summary: `Imported ${kind} (${format.toUpperCase()}): ${report.created} created, ${report.updated} updated`,
      details: { rows: report.rows, created: report.created, updated: report.updated },
    }),
  );
}

async function applyRow(tx: Db, row: PlannedRow, by: number | null, now: Date) {
  if (row.kind === "technologies") {
    const { area: _area, ...v } = row.input;
    const values = { ...v, areaId: row.areaId, uncertainNote: v.uncertainNote || null };
    if (row.existingId === null) await tx.insert(technologies).values(values);
    else
      await tx
        .update(technologies)
        .set({ ...values, updatedAt: now })
        .where(eq(technologies.id, row.existingId));
    return;
  }
  if (row.kind === "capabilities") {
    const v = row.input;
    const values = {
      currentTrl: v.currentTrl,
      targetTrl: v.targetTrl,
      targetDate: v.targetDate,
      note: v.note,
      evidenceUrl: v.evidenceUrl,
      updatedBy: by,
      updatedAt: now,
    };
    if (row.existingId === null)
      await tx
        .insert(technologyCapabilities)
        .values({ ...values, organisationId: row.organisationId, technologyId: row.technologyId });
    else
      await tx
        .update(technologyCapabilities)
        .set(values)
        .where(eq(technologyCapabilities.id, row.existingId));
    return;
  }
  const v = row.input;
  const values = {
    technologyId: row.technologyId,
    missionId: row.missionId,
    element: row.missionId ? null : v.element,
    trlNeeded: v.trlNeeded,
    neededBy: v.neededBy,
    note: v.note,
    updatedBy: by,
    updatedAt: now,
  };
  if (row.existingId === null) await tx.insert(technologyNeeds).values(values);
  else await tx.update(technologyNeeds).set(values).where(eq(technologyNeeds.id, row.existingId));
}
