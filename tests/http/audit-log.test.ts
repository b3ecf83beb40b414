import { describe, expect, it } from "vitest";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

describe("the audit log", () => {
  it("shows the secretariat who changed what, filtered by action and agency", async () => {
    const me = await makePerson(t.deps, ["secretariat"], null);
    const b = await browser(t.deps, t.app, me);
    const created = await b.post("/private/members/new", {
      acronym: "KSA",
      name: "Kepler Space Agency",
      country: "Atlantis",
      kind: "space_agency",
      joined: "2025-03",
      founding: "",
    });
    expect(created.status).toBe(303);

    const page = await (await b.get("/private/audit?action=organisation.create")).text();
    expect(page).toContain("<h1>Audit log</h1>");
    expect(page).toMatch(/1 recorded change\./);
    expect(page).toContain("<code>organisation.create</code>");
    expect(page).toContain(me.name);
    expect(page).toContain('value="organisation.create"');

    const none = await (await b.get("/private/audit?action=organisation.create&agency=NOPE")).text();
    expect(none).toContain("0 recorded changes.");
    expect(none).toContain("No changes match these filters.");
  });

  it("is refused to a focal point, and asks a visitor to sign in", async () => {
    const focal = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const res = await (await browser(t.deps, t.app, focal)).get("/private/audit");
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Only the secretariat can read the audit log.");
    const visitor = await t.app.request("/private/audit");
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get("location")).toMatch(/^\/sign-in/);
  });
});
