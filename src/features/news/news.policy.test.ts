import { describe, expect, it } from "vitest";
import type { Person } from "../../http/actor.js";
import { systemActor, visitor } from "../../http/actor.js";
import { canManageNews, canReadArticle, isLive } from "./news.policy.js";

const person = (roles: Person["roles"]): Person => ({
  kind: "person",
  id: 1,
  name: "P",
  email: "p@example.org",
  organisationId: roles.includes("secretariat") ? null : 1,
  organisationAcronym: roles.includes("secretariat") ? null : "ESA",
  roles,
});
const now = new Date("2025-01-01T12:00:00Z");
const past = new Date("2025-01-01T11:00:00Z");
const future = new Date("2025-01-01T13:00:00Z");

describe("news policies", () => {
  it("only the secretariat and the system manage news", () => {
    expect(canManageNews(person(["secretariat"]))).toBe(true);
    expect(canManageNews(systemActor("scheduler"))).toBe(true);
    for (const roles of [["member"], ["member", "focal_point"], ["member", "chair"]] as const)
      expect(canManageNews(person([...roles]))).toBe(false);
    expect(canManageNews(visitor)).toBe(false);
  });

  it("an article is live only when published and its time has come", () => {
    expect(isLive({ status: "published", publishAt: past }, now)).toBe(true);
    expect(isLive({ status: "published", publishAt: now }, now)).toBe(true);
    expect(isLive({ status: "published", publishAt: future }, now)).toBe(false);
    expect(isLive({ status: "scheduled", publishAt: past }, now)).toBe(false);
    expect(isLive({ status: "draft", publishAt: null }, now)).toBe(false);
    expect(isLive({ status: "unpublished", publishAt: past }, now)).toBe(false);
  });

  it("visitors and members cannot read drafts; the secretariat can preview them", () => {
    const draft = { status: "draft" as const, publishAt: null };
    expect(canReadArticle(visitor, draft, now)).toBe(false);
    expect(canReadArticle(person(["member"]), draft, now)).toBe(false);
    expect(canReadArticle(person(["secretariat"]), draft, now)).toBe(true);
  });
});
