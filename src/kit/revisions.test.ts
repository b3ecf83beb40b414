import { describe, expect, it } from "vitest";
import { systemActor, visitor } from "../http/actor.js";
import {
  changedFields,
  historyPage,
  numberFromFirst,
  pickFields,
  revisionAuthor,
  revisionsPerPage,
  rewind,
} from "./revisions.js";

const person = {
  kind: "person" as const,
  id: 7,
  name: "Ada Example",
  email: "ada@example.org",
  organisationId: 1,
  organisationAcronym: "ESA",
  roles: [],
};

describe("who a revision names", () => {
  it("names a person by id and name, the system by its name, and a visitor as such", () => {
    expect(revisionAuthor(person)).toEqual({ authorId: 7, authorName: "Ada Example" });
    expect(revisionAuthor(systemActor("seed"))).toEqual({ authorId: null, authorName: "seed" });
    expect(revisionAuthor(visitor)).toEqual({ authorId: null, authorName: "visitor" });
  });
});

describe("what a save changed", () => {
  it("lists the fields whose values differ, lists and nulls compared by value", () => {
    const before: { title: string; tags: string[]; place: string | null; body: string } = {
      title: "A",
      tags: ["x"],
      place: null,
      body: "same",
    };
    const after = { title: "B", tags: ["x"], place: "Rome", body: "same" };
    expect(changedFields(before, after)).toEqual(["title", "place"]);
    expect(changedFields(after, { ...after, tags: ["x", "y"] })).toEqual(["tags"]);
    expect(changedFields(after, after)).toEqual([]);
  });

  it("keeps only the named fields of a snapshot", () => {
    expect(pickFields({ a: 1, b: 2, c: 3 }, ["a", "c"])).toEqual({ a: 1, c: 3 });
  });
});

describe("the page of a history", () => {
  it("is the page asked for, or the first for anything that is not a page number", () => {
    expect(historyPage("3")).toBe(3);
    for (const raw of [undefined, "", "0", "-2", "1.5", "abc", "1e9"]) expect(historyPage(raw)).toBe(1);
  });

  it("numbers revisions from the first, newest first across pages", () => {
    const total = revisionsPerPage + 5;
    expect(numberFromFirst({ total, page: 1 }, 0)).toBe(total);
    expect(numberFromFirst({ total, page: 2 }, 4)).toBe(1);
  });
});

describe("the values a revision left, for revisions that keep only what changed", () => {
  it("puts back the before of every later save, the oldest of them last", () => {
    const current = { name: "C", status: "flying", launch: "2031" };
    // Newest first: the last save changed the name B -> C, the one before it name A -> B and status.
    const later = [{ name: "B" }, { name: "A", status: "planned" }];
    expect(rewind(current, later)).toEqual({ name: "A", status: "planned", launch: "2031" });
    expect(rewind(current, later.slice(0, 1))).toEqual({ name: "B", status: "flying", launch: "2031" });
  });

  it("is the current values when nothing came later, and skips saves that replaced nothing", () => {
    const current = { name: "C" };
    expect(rewind(current, [])).toEqual(current);
    expect(rewind(current, [null])).toEqual(current);
  });
});
