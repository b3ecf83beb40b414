import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { technologies, technologyAreas } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import type { Actor } from "../../../http/actor.js";
import { forbidden, invalid, notFound } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { write } from "../../../kit/write.js";
import { canEditTechnologyList } from "../technology.policy.js";
import {
  type AreaRow,
  findAreaByCode,
  findTechnologyByCode,
  type Technology,
} from "../technology.queries.js";
import { areaInput, type TechnologyInput, technologyInput } from "../technology.schemas.js";

const onlySecretariat = "Only the secretariat edits the Critical Technology List.";

async function assertAreaCodeFree(tx: Db, code: string, exceptId?: number) {
  const where = exceptId
    ? and(eq(technologyAreas.code, code), ne(technologyAreas.id, exceptId))
    : eq(technologyAreas.code, code);
  const [taken] = await tx.select({ id: technologyAreas.id }).from(technologyAreas).where(where);
  if (taken) throw invalid({ code: `The code ${code} is already used by another area.` });
}

/** Adds an area of the Critical Technology List (secretariat). */
export async function createArea(deps: Deps, actor: Actor, input: unknown): Promise<AreaRow> {
  if (!canEditTechnologyList(actor)) throw forbidden(onlySecretariat);
  const v = parseInput(areaInput, input);
  return write(deps, actor, async (tx, audit) => {
    await assertAreaCodeFree(tx, v.code);
    const [row] = await tx.insert(technologyAreas).values(v).returning();
    await audit({
      action: "technology.area.add",
      subjectType: "technology_area",
      subjectId: row!.id,
      summary: `Added technology area ${v.code} (${v.name})`,
      details: { after: v },
    });
    return row!;
  });
}

/** Changes an area, its code included (technologies follow: they refer to it by id). */
export async function updateArea(deps: Deps, actor: Actor, code: string, input: unknown): Promise<AreaRow> {
  if (!canEditTechnologyList(actor)) throw forbidden(onlySecretariat);
  const before = await findAreaByCode(deps.db, code);
  if (!before) throw notFound("The area");
  const v = parseInput(areaInput, input);
  return write(deps, actor, async (tx, audit) => {
    await assertAreaCodeFree(tx, v.code, before.id);
    const [row] = await tx
      .update(technologyAreas)
      .set(v)
      .where(eq(technologyAreas.id, before.id))
      .returning();
    await audit({
      action: "technology.area.update",
      subjectType: "technology_area",
      subjectId: before.id,
      summary: `Changed technology area ${v.code}`,
      details: { before, after: v },
    });
    return row!;
  });
}

/** The columns of a technology from its input; the area code must exist. */
async function technologyColumns(tx: Db, v: TechnologyInput) {
  const [area] = await tx.select().from(technologyAreas).where(eq(technologyAreas.code, v.area));
  if (!area) throw invalid({ area: `There is no area ${v.area}.` });
  const { area: _area, ...rest } = v;
  return { ...rest, areaId: area.id, uncertainNote: v.uncertainNote || null };
}

async function assertTechnologyCodeFree(tx: Db, code: string, exceptId?: number) {
  const where = exceptId
    ? and(eq(technologies.code, code), ne(technologies.id, exceptId))
    : eq(technologies.code, code);
  const [taken] = await tx.select({ id: technologies.id }).from(technologies).where(where);
  if (taken) throw invalid({ code: `The code ${code} is already used by another technology.` });
}

/** Adds a technology to the list (secretariat). */
export async function createTechnology(deps: Deps, actor: Actor, input: unknown): Promise<Technology> {
  if (!canEditTechnologyList(actor)) throw forbidden(onlySecretariat);
  const v = parseInput(technologyInput, input);
  await write(deps, actor, async (tx, audit) => {
    await assertTechnologyCodeFree(tx, v.code);
    const [row] = await tx
      .insert(technologies)
      .values(await technologyColumns(tx, v))
      .returning();
    await audit({
      action: "technology.add",
      subjectType: "technology",
      subjectId: row!.id,
      summary: `Added technology ${v.code} (${v.title})`,
      details: { after: v },
    });
  });
  return (await findTechnologyByCode(deps.db, v.code))!;
}

/** Changes a technology of the list, its code included (secretariat). */
export async function updateTechnology(
  deps: Deps,
  actor: Actor,
  code: string,
  input: unknown,
): Promise<Technology> {
  if (!canEditTechnologyList(actor)) throw forbidden(onlySecretariat);
  const before = await findTechnologyByCode(deps.db, code);
  if (!before) throw notFound("The technology");
  const v = parseInput(technologyInput, input);
  await write(deps, actor, async (tx, audit) => {
    await assertTechnologyCodeFree(tx, v.code, before.id);
    await tx
      .update(technologies)
      .set({ ...(await technologyColumns(tx, v)), updatedAt: deps.now() })
      .where(eq(technologies.id, before.id));
    await audit({
      action: "technology.update",
      subjectType: "technology",
      subjectId: before.id,
      summary: `Changed technology ${v.code}`,
      details: { before: technologyValues(before), after: v },
    });
  });
  return (await findTechnologyByCode(deps.db, v.code))!;
}

/** A technology as people, exports and the API write it: the inverse of the input schema. */
export function technologyValues(t: Technology) {
  return {
    code: t.code,
    area: t.areaCode,
    title: t.title,
    description: t.description,
    destinations: t.destinations,
    uncertain: t.uncertain,
    uncertainNote: t.uncertainNote ?? "",
    sources: t.sources,
  };
}
