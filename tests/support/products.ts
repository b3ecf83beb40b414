import { eq } from "drizzle-orm";
import { groupChairs, workingGroups } from "../../src/db/schema/index.js";
import type { Deps } from "../../src/deps.js";
import { createComment, submitComments } from "../../src/features/products/comments/comments.service.js";
import { findProductBySlug } from "../../src/features/products/products.queries.js";
import { createProduct, createVersion } from "../../src/features/products/products.service.js";
import { currentRound, openRound } from "../../src/features/products/rounds/rounds.service.js";
import { type Person, systemActor } from "../../src/http/actor.js";
import { makePerson } from "./actors.js";

/** The first version of a product in the tests: a preamble and three numbered sections. */
export const V1 = `A white paper on lunar surface exploration.

# Purpose

Why the agencies write together.

# Lunar surface

## Landing sites

The south polar region is preferred.

# Budget

Costs stay with each agency.
`;

/** The second version: "Budget" removed, a section added, landing sites changed. */
export const V2 = `A white paper on lunar surface exploration.

# Purpose

Why the agencies write together.

# Lunar surface

## Landing sites

The south polar region and Shackleton crater are preferred.

## Rovers

Pressurised rovers extend the range.
`;

/** Makes `person` a chair of a group and returns the group's slug. */
export async function chairOf(deps: Deps, personId: number, slug?: string): Promise<string> {
  const [group] = slug
    ? await deps.db.select().from(workingGroups).where(eq(workingGroups.slug, slug))
    : await deps.db.select().from(workingGroups).limit(1);
  await deps.db.insert(groupChairs).values({ groupId: group!.id, personId });
  return group!.slug;
}

/** A product led by a group that `chairId` chairs, with agencies and a first version. */
export async function makeProduct(
  deps: Deps,
  opts: { slug?: string; agencies?: string[]; chairId?: number; body?: string } = {},
) {
  const [group] = await deps.db.select().from(workingGroups).limit(1);
  if (opts.chairId) await deps.db.insert(groupChairs).values({ groupId: group!.id, personId: opts.chairId });
  const system = systemActor("test");
  const { slug } = await createProduct(deps, system, {
    title: "Lunar Surface White Paper",
    slug: opts.slug ?? "lunar-white-paper",
    kind: "white_paper",
    leadGroup: group!.slug,
    agencies: opts.agencies ?? ["ESA", "JAXA", "NASA"],
  });
  await createVersion(deps, system, slug, { body: opts.body ?? V1, note: "First draft" });
  return (await findProductBySlug(deps.db, slug))!;
}

/** Opens round 1 on version 1 with a deadline (default: far in the future). */
export async function makeRound(
  deps: Deps,
  slug: string,
  opts: { deadline?: string; agencies?: string[]; hidePositions?: boolean; silenceMeans?: string } = {},
) {
  const product = (await findProductBySlug(deps.db, slug))!;
  const round = await openRound(deps, systemActor("test"), slug, {
    version: 1,
    deadline: opts.deadline ?? "2099-01-01T12:00",
    timeZone: "UTC",
    agencies: opts.agencies ?? [],
    hidePositions: opts.hidePositions ?? true,
    silenceMeans: opts.silenceMeans ?? "abstain",
  });
  return { product, round: await currentRound(deps, product.id, round.number) };
}

/** Writes a comment as a new person of `agency` and, if asked, submits the agency's set. */
export async function makeComment(
  deps: Deps,
  slug: string,
  agency: string,
  opts: { submit?: boolean; section?: string; text?: string } = {},
) {
  const author = await makePerson(deps, ["member", "focal_point"], agency);
  const product = (await findProductBySlug(deps.db, slug))!;
  const round = await currentRound(deps, product.id, 1);
  const comment = await createComment(deps, author, product, round, {
    section: opts.section ?? "landing-sites",
    category: "technical",
    text: opts.text ?? `A comment from ${agency}.`,
  });
  if (opts.submit) await submitComments(deps, author, product, await currentRound(deps, product.id, 1));
  return { author, comment };
}

/**
 * The access matrix's product "matrix-product" (led by TWG; ESA, NASA and CNES take part, JAXA
 * does not), with round 1 open: comment 1 drafted by `esaMember`, comment 2 submitted by CNES.
 */
export async function makeMatrixProduct(deps: Deps, esaMember: Person) {
  const system = systemActor("test");
  await createProduct(deps, system, {
    title: "Matrix Product",
    slug: "matrix-product",
    kind: "white_paper",
    leadGroup: "twg",
    agencies: ["ESA", "NASA", "CNES"],
  });
  await createVersion(deps, system, "matrix-product", { body: V1 });
  const { product, round } = await makeRound(deps, "matrix-product");
  await createComment(deps, esaMember, product, round, {
    section: "purpose",
    category: "editorial",
    text: "Draft.",
  });
  await makeComment(deps, "matrix-product", "CNES", { submit: true });
}
