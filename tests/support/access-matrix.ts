import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  annualReports,
  chairTerms,
  contentPageRevisions,
  contentPages,
  faqQuestions,
  forumRevisions,
  forumSettings,
  gerEditions,
  groupChairs,
  groupMemberships,
  missionRevisions,
  missions,
  newsArticles,
  passkeys,
  reviewPositions,
  reviewRounds,
  workingGroups,
} from "../../src/db/schema/index.js";
import type { Deps } from "../../src/deps.js";
import { invitePerson } from "../../src/features/invitations/invitations.service.js";
import { endorseProduct } from "../../src/features/products/endorsement/endorsement.service.js";
import { setPosition } from "../../src/features/products/positions/positions.service.js";
import { findProductBySlug } from "../../src/features/products/products.queries.js";
import { createVersion } from "../../src/features/products/products.service.js";
import { currentRound } from "../../src/features/products/rounds/rounds.service.js";
import { createApiToken } from "../../src/features/tokens/tokens.service.js";
import { type Person, systemActor } from "../../src/http/actor.js";
import { accessRoutes, everyone } from "./access-routes.js";
import { MATRIX_ACTION, makeMatrixAction, makeMatrixDeliverable } from "./actions.js";
import { browser, makePerson, matrixActors } from "./actors.js";
import { makeEndorsableProduct } from "./consensus.js";
import { makeDeps, useTestDatabase } from "./database.js";
import { makeMatrixInput } from "./inbox.js";
import { makeMatrixMeeting } from "./meetings.js";
import { makeMatrixProposal } from "./missions.js";
import { makeMatrixProduct, V1, V2 } from "./products.js";
import { makeMatrixCapability, makeMatrixNeed } from "./technology.js";

/** The dataset's records that route paths name: a chair term, a news article, an FAQ question, a group membership. */
async function seededRecords(deps: Deps) {
  const [term] = await deps.db.select({ id: chairTerms.id }).from(chairTerms).limit(1);
  const [news] = await deps.db.select({ id: newsArticles.id }).from(newsArticles).limit(1);
  const [faq] = await deps.db.select({ id: faqQuestions.id }).from(faqQuestions).limit(1);
  // A group with a chair and a member agency in the dataset (SWG: DLR and CNES).
  const [membership] = await deps.db
    .select({ id: groupMemberships.id, chair: groupChairs.id, slug: workingGroups.slug })
    .from(groupMemberships)
    .innerJoin(workingGroups, eq(workingGroups.id, groupMemberships.groupId))
    .innerJoin(groupChairs, eq(groupChairs.groupId, workingGroups.id))
    .limit(1);
  return {
    chairTerm: String(term!.id),
    article: String(news!.id),
    faq: String(faq!.id),
    membership: membership!,
  };
}

/**
 * Tries every `parts`-th route of the access matrix (from `part`) as a visitor, each role and a
 * focal point of another agency. The matrix is split over a few files so that test workers share it.
 */
export function describeAccessMatrix(part: number, parts: number) {
  const t = useTestDatabase({ ownCopy: true });

  /** ESA's position in round 1 of "matrix-product", recorded by the secretariat with a file; its id. */
  async function matrixEvidence(secretariat: Person): Promise<string> {
    const product = (await findProductBySlug(t.deps.db, "matrix-product"))!;
    const round = await currentRound(t.deps, product.id, 1);
    const file = { name: "letter.pdf", type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4") };
    await setPosition(t.deps, secretariat, product, round, { agency: "ESA", position: "concur" }, file);
    const [row] = await t.deps.db.select().from(reviewPositions).where(eq(reviewPositions.roundId, round.id));
    return String(row!.id);
  }

  /** An API token of ESA, made by ESA's focal point; its id. */
  const matrixToken = async (deps: typeof t.deps, person: Person) =>
    String((await createApiToken(deps, person, { name: "Matrix token" })).token.id);

  // The people who try the routes, made once for the file: each case's transaction rolls back what a
  // route does to them. (Made per case, they were a fifth of the matrix's time.)
  let actors: Awaited<ReturnType<typeof matrixActors>>;
  let subject: Person;
  // Records of the dataset that routes name, read once: no case changes which ones exist.
  let seeded: Awaited<ReturnType<typeof seededRecords>>;
  // The consensus product in review and a forwarded public message, made once for the file like the
  // actors: making them took most of their routes' time (opening a round mails every agency).
  let input: Awaited<ReturnType<typeof makeMatrixInput>>;
  beforeAll(async () => {
    const deps = makeDeps(t.database.db);
    actors = await matrixActors(deps);
    subject = await makePerson(deps, ["member"], "ESA");
    seeded = await seededRecords(deps);
    await makeMatrixProduct(deps, actors.member);
    input = await makeMatrixInput(deps);
  });

  const cases = accessRoutes
    .filter((_, i) => i % parts === part)
    .flatMap((r) => everyone.map((who) => ({ ...r, who })));

  describe(`access matrix, part ${part + 1} of ${parts}: every protected route, every role, signed out, and the wrong agency`, () => {
    it.each(cases)("$method $path as $who", async ({ method, path, body, api, allowed, answers, who }) => {
      // A saved version of a content page to restore.
      let pageRevision = "0";
      if (path.includes(":pagerev")) {
        const [science] = await t.deps.db.select().from(contentPages).where(eq(contentPages.slug, "science"));
        const [rev] = await t.deps.db
          .insert(contentPageRevisions)
          .values({ pageId: science!.id, title: "Science", body: "An earlier text.", authorName: "dataset" })
          .returning();
        pageRevision = String(rev!.id);
      }
      // A saved version of ESA's mission Argonaut to restore.
      let missionRevision = "0";
      if (path.includes(":missionrev")) {
        const [argonaut] = await t.deps.db.select().from(missions).where(eq(missions.slug, "argonaut"));
        const [rev] = await t.deps.db
          .insert(missionRevisions)
          .values({ missionId: argonaut!.id, actorName: "seed", summary: "Added", after: {} })
          .returning();
        missionRevision = String(rev!.id);
      }
      // A published version of the site's texts to load into the draft.
      let siteRevision = "0";
      if (path.includes(":siterev")) {
        const [forum] = await t.deps.db.select().from(forumSettings).where(eq(forumSettings.key, "forum"));
        const [rev] = await t.deps.db
          .insert(forumRevisions)
          .values({ value: forum!.value, authorName: "dataset" })
          .returning();
        siteRevision = String(rev!.id);
      }
      const invitee = path.includes(":invitee")
        ? await invitePerson(t.deps, actors.secretariat, {
            name: "Pending Invitee",
            email: `invitee-${Date.now()}-${Math.random()}@example.org`,
            organisation: "ESA",
            roles: ["member"],
          })
        : 0;
      // One's own passkey to delete (a visitor tries someone else's).
      let passkey = "0";
      if (path.includes(":passkey")) {
        const [key] = await t.deps.db
          .insert(passkeys)
          .values({
            personId: (who === "visitor" ? subject : actors[who]).id,
            credentialId: `matrix-${who}-${Date.now()}`,
            publicKey: "AA",
            name: "Matrix key",
          })
          .returning();
        passkey = String(key!.id);
      }
      const url = path
        .replace(":invitee", String(invitee))
        .replace(":passkey", passkey)
        .replace(":pagerev", pageRevision)
        .replace(":missionrev", missionRevision)
        .replace(":siterev", siteRevision)
        .replace(":person", String(subject.id))
        .replace(":chair", seeded.chairTerm)
        .replace(":article", seeded.article)
        .replace(":faq", seeded.faq)
        .replace(":proposal", path.includes(":proposal") ? await makeMatrixProposal(t.deps) : "0")
        .replace(":capability", path.includes(":capability") ? await makeMatrixCapability(t.deps) : "0")
        .replace(":need", path.includes(":need") ? await makeMatrixNeed(t.deps) : "0");
      const meetingIds = path.includes("matrix-meeting")
        ? await makeMatrixMeeting(t.deps, subject)
        : { item: "0", file: "0", registration: "0", session: "0" };
      const gm = seeded.membership;
      const groupUrl = url
        .replace(":agendaItem", meetingIds.item)
        .replace(":agendaFile", meetingIds.file)
        .replace(":registration", meetingIds.registration)
        .replace(":session", meetingIds.session)
        .replace(":group", gm.slug)
        .replace(":membership", String(gm.id))
        .replace(":gchair", String(gm.chair))
        .replace(":token", path.includes(":token") ? await matrixToken(t.deps, actors.focalPoint) : "0")
        .replace(
          ":deliverable",
          path.includes(":deliverable") ? await makeMatrixDeliverable(t.deps, gm.slug) : "0",
        );
      if (path.includes(`/actions/${MATRIX_ACTION}`)) await makeMatrixAction(t.deps);
      // A product has one open round at a time: opening another needs the file's round 1 closed.
      if (method === "POST" && /matrix-product\/rounds(\/new)?$/.test(path))
        await t.deps.db
          .update(reviewRounds)
          .set({ status: "closed", closedAt: new Date() })
          .where(eq(reviewRounds.status, "open"));
      if (path.includes("matrix-product/versions/2/carried"))
        await createVersion(t.deps, systemActor("test"), "matrix-product", { body: V2 });
      const evidence = path.includes(":evidence") ? await matrixEvidence(actors.secretariat) : "0";
      const decision = path.includes("matrix-endorsable") ? await makeEndorsableProduct(t.deps) : null;
      if (path.includes("record")) {
        await endorseProduct(t.deps, actors.secretariat, "matrix-endorsable", {
          decision,
          version: 1,
          description: "Published for the access matrix.",
        });
      }
      if (path.includes("matrix-endorsable/editorial")) {
        await createVersion(t.deps, systemActor("test"), "matrix-endorsable", { body: `${V1}\nMore.\n` });
      }
      const sent =
        body?.decision === ":decision" ? { ...body, decision: api ? decision : String(decision) } : body;
      if (path.includes("matrix-draft")) {
        await t.deps.db.insert(gerEditions).values({
          slug: "matrix-draft",
          name: "Matrix draft",
          year: 2031,
          kind: "edition",
          frozenAt: new Date(),
        });
      }
      const inputUrl = groupUrl
        .replace(":evidence", evidence)
        .replace(":inputRef", input.reference)
        .replace(":inputFile", input.file)
        .replace(":inputOther", input.other)
        .replace(":input", input.id);
      const inputBody =
        body?.into === ":inputOther"
          ? { ...body, into: input.other }
          : (sent as Record<string, unknown> | undefined);
      if (path.startsWith("/private/reports/2024")) {
        await t.deps.db.insert(annualReports).values({
          year: 2024,
          membersAsOf: "2024-12-31",
          settings: { majorDocuments: [], omitPublications: [], statisticsPublic: false },
        });
      }
      const b = await browser(t.deps, t.app, who === "visitor" ? undefined : actors[who]);
      const res =
        method === "GET"
          ? await b.get(inputUrl)
          : api
            ? await b.json(method, inputUrl, inputBody)
            : await b.post(inputUrl, inputBody as Record<string, string>);
      if (allowed.includes(who)) {
        expect(answers ?? [200, 201, 204, 303], `${await res.clone().text()}`).toContain(res.status);
        if (res.status === 303) expect(res.headers.get("location")).not.toMatch(/sign-in/);
      } else if (who === "visitor") {
        if (api) expect(res.status).toBe(401);
        else {
          expect(res.status).toBe(303);
          expect(res.headers.get("location")).toMatch(/^\/sign-in\?next=/);
        }
      } else {
        expect(res.status).toBe(403);
        if (api) expect((await res.json()).error.code).toBe("forbidden");
      }
    });
  });
}
