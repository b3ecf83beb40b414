import { describe, expect, it } from "vitest";
import { fromDatabaseError, serverError } from "./db-errors.js";

describe("a database error", () => {
  it("is found under Drizzle's wrapper, and a Node error with a code is not one", () => {
    const pg = {
      code: "23505",
      severity: "ERROR",
      message: "duplicate",
      detail: "Key (lower(email))=(a@b) already exists.",
    };
    const wrapped = Object.assign(new Error("Failed query"), { cause: pg });
    expect(serverError(wrapped)).toBe(pg);
    expect(fromDatabaseError(wrapped)).toMatchObject({
      code: "conflict",
      fields: { email: expect.any(String) },
    });
    expect(serverError(Object.assign(new Error("pipe"), { code: "EPIPE" }))).toBeUndefined();
  });

  it("on a unique key over several columns is a conflict without a field", () => {
    const pg = {
      code: "23505",
      severity: "ERROR",
      message: "dup",
      detail: "Key (group_id, person_id)=(1, 2) already exists.",
    };
    expect(fromDatabaseError(pg)).toMatchObject({ code: "conflict", fields: undefined });
  });
});
