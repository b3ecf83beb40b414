import { describe, expect, it } from "vitest";
import type { Actor, Person } from "../../http/actor.js";
import {
  canAddVersion,
  canChangeComment,
  canCreateProduct,
  canDispositionComment,
  canEditProduct,
  canReadProducts,
  canSeeComment,
  canSeePosition,
  canSetPosition,
  canSubmitComments,
  canWriteComment,
} from "./products.policy.js";

const ESA = 1;
const JAXA = 2;
const NASA = 3;
const person = (id: number, roles: Person["roles"], org: number | null): Person => ({
  kind: "person",
  id,
  name: `P${id}`,
  email: `p${id}@example.org`,
  roles,
  organisationId: org,
  organisationAcronym: org === null ? null : `A${org}`,
});
const visitor: Actor = { kind: "visitor" };
const secretariat = person(1, ["secretariat"], null);
const leadChair = person(2, ["member", "chair"], NASA);
const otherChair = person(3, ["member", "chair"], NASA);
const esaMember = person(4, ["member"], ESA);
const esaColleague = person(7, ["member"], ESA);
const esaFocal = person(5, ["member", "focal_point"], ESA);
const jaxaFocal = person(6, ["member", "focal_point"], JAXA);
const nasaFocal = person(8, ["member", "focal_point"], NASA);

const product = { leadChairPersonIds: [2], status: "drafting" as const };
const round = { agencyIds: [ESA, JAXA], status: "open" as const, hidePositions: true };
const closed = { ...round, status: "closed" as const };
const esaDraft = { organisationId: ESA, authorId: 4 };

describe("product policies", () => {
  it("every signed-in member reads products; visitors do not", () => {
    expect([secretariat, esaMember, jaxaFocal].every(canReadProducts)).toBe(true);
    expect(canReadProducts(visitor)).toBe(false);
  });

  it("the secretariat and the lead group's chairs edit; other chairs and focal points do not", () => {
    expect(canEditProduct(secretariat, product)).toBe(true);
    expect(canEditProduct(leadChair, product)).toBe(true);
    expect(canEditProduct(otherChair, product)).toBe(false);
    expect(canEditProduct(esaFocal, product)).toBe(false);
    expect(canCreateProduct(otherChair)).toBe(true);
    expect(canCreateProduct(esaFocal)).toBe(false);
  });

  it("an endorsed product gets no new version, but its editors still give dispositions", () => {
    const endorsed = { ...product, status: "endorsed" as const };
    expect(canAddVersion(secretariat, endorsed)).toBe(false);
    expect(canDispositionComment(leadChair, endorsed)).toBe(true);
    expect(canDispositionComment(esaFocal, product)).toBe(false);
  });
});

describe("comment policies", () => {
  it("members of participating agencies comment while the round is open", () => {
    expect(canWriteComment(esaMember, round)).toBe(true);
    expect(canWriteComment(nasaFocal, round)).toBe(false);
    expect(canWriteComment(secretariat, round)).toBe(false);
    expect(canWriteComment(esaMember, closed)).toBe(false);
  });

  it("the author and the agency's focal point change a draft; a colleague and other agencies do not", () => {
    expect(canChangeComment(esaMember, round, esaDraft, false)).toBe(true);
    expect(canChangeComment(esaFocal, round, esaDraft, false)).toBe(true);
    expect(canChangeComment(esaColleague, round, esaDraft, false)).toBe(false);
    expect(canChangeComment(jaxaFocal, round, esaDraft, false)).toBe(false);
    expect(canChangeComment(esaMember, round, esaDraft, true)).toBe(false);
    expect(canChangeComment(esaMember, closed, esaDraft, false)).toBe(false);
  });

  it("drafts stay in the agency (author and focal point); submitted comments are seen by all members", () => {
    expect(canSeeComment(esaMember, esaDraft, false)).toBe(true);
    expect(canSeeComment(esaFocal, esaDraft, false)).toBe(true);
    expect(canSeeComment(esaColleague, esaDraft, false)).toBe(false);
    expect(canSeeComment(jaxaFocal, esaDraft, false)).toBe(false);
    expect(canSeeComment(secretariat, esaDraft, false)).toBe(false);
    expect(canSeeComment(jaxaFocal, esaDraft, true)).toBe(true);
    expect(canSeeComment(visitor, esaDraft, true)).toBe(false);
  });

  it("only the agency's own focal point submits its comments, while open", () => {
    expect(canSubmitComments(esaFocal, round, ESA)).toBe(true);
    expect(canSubmitComments(esaMember, round, ESA)).toBe(false);
    expect(canSubmitComments(jaxaFocal, round, ESA)).toBe(false);
    expect(canSubmitComments(nasaFocal, round, NASA)).toBe(false);
    expect(canSubmitComments(esaFocal, closed, ESA)).toBe(false);
  });
});

describe("position policies", () => {
  it("national prerogative: only the agency's focal point sets its position, while open", () => {
    expect(canSetPosition(esaFocal, round, ESA)).toBe(true);
    expect(canSetPosition(jaxaFocal, round, ESA)).toBe(false);
    expect(canSetPosition(secretariat, round, ESA)).toBe(false);
    expect(canSetPosition(esaFocal, closed, ESA)).toBe(false);
  });

  it("hidden positions are seen by the agency and the editors until the round closes, then by all", () => {
    expect(canSeePosition(esaMember, product, round, ESA)).toBe(true);
    expect(canSeePosition(leadChair, product, round, ESA)).toBe(true);
    expect(canSeePosition(secretariat, product, round, ESA)).toBe(true);
    expect(canSeePosition(jaxaFocal, product, round, ESA)).toBe(false);
    expect(canSeePosition(jaxaFocal, product, closed, ESA)).toBe(true);
    expect(canSeePosition(jaxaFocal, product, { ...round, hidePositions: false }, ESA)).toBe(true);
    expect(canSeePosition(visitor, product, closed, ESA)).toBe(false);
  });
});
