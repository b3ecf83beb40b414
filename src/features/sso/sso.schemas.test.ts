import { describe, expect, it } from "vitest";
import { isAllowedIssuer, isDomainName, splitDomains } from "./sso.schemas.js";

describe("single sign-on settings rules", () => {
  it("a domain has at least two labels of letters, digits and inner hyphens, and no scheme or @", () => {
    for (const ok of ["esa.int", "mail.esa.int", "xn--80ak6aa92e.com", "a-b.example"])
      expect(isDomainName(ok)).toBe(true);
    for (const bad of [
      "esa",
      "-esa.int",
      "esa-.int",
      "esa..int",
      "x@esa.int",
      "https://esa.int",
      "10.0.0.1",
      "",
    ])
      expect(isDomainName(bad), bad).toBe(false);
  });

  it("domains are split on commas, spaces and lines, lower-cased, without a leading @ and duplicates", () => {
    expect(splitDomains(" ESA.int,\n@esa.int ; dlr.de\r\n\n")).toEqual(["esa.int", "dlr.de"]);
  });

  it("an issuer is https, or http on this machine only, and has no query, fragment or credentials", () => {
    expect(isAllowedIssuer("https://login.esa.int/realms/staff")).toBe(true);
    expect(isAllowedIssuer("http://localhost:4000")).toBe(true);
    expect(isAllowedIssuer("http://127.0.0.1:4000/op")).toBe(true);
    for (const bad of [
      "http://login.esa.int",
      "https://login.esa.int/?x=1",
      "https://u:p@login.esa.int",
      "ftp://x.int",
      "esa.int",
    ])
      expect(isAllowedIssuer(bad), bad).toBe(false);
  });
});
