import { describe, expect, it } from "vitest";
import { isMalformedUrlPart, isUnstorable, unstorableFields, withoutUnstorable } from "./input-guard.js";

describe("text PostgreSQL cannot store", () => {
  it("is NUL or half a surrogate pair; a whole pair (an emoji) is fine", () => {
    expect(isUnstorable("a\u0000b")).toBe(true);
    expect(isUnstorable("a\uD800b")).toBe(true);
    expect(isUnstorable("\uDC00")).toBe(true);
    expect(isUnstorable("Moon 🌕 café")).toBe(false);
    expect(withoutUnstorable("a\u0000b\uD800c🌕")).toBe("abc🌕");
  });

  it("is found anywhere in a JSON value, named by its path", () => {
    const fields = unstorableFields({ name: "a\u0000", partners: ["ESA", "\uD800"], ok: { x: "fine" } });
    expect(Object.keys(fields)).toEqual(["name", "partners.1"]);
    expect(Object.keys(unstorableFields("\u0000"))).toEqual(["_body"]);
  });
});

describe("a malformed part of an address", () => {
  it("is a stray %, bytes that are not UTF-8, an encoded surrogate, or NUL", () => {
    for (const part of ["/news/%", "/news/%zz", "/news/%ff", "/news/%ED%A0%80", "/news/%C0%AF", "?q=%00"]) {
      expect(isMalformedUrlPart(part), part).toBe(true);
    }
  });

  it("is not an ordinary escape, UTF-8 text, or a plus", () => {
    for (const part of ["/news/a%20b", "/search", "?q=caf%C3%A9+moon", "?q=%25"]) {
      expect(isMalformedUrlPart(part), part).toBe(false);
    }
  });
});
