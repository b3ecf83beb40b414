import { describe, expect, it } from "vitest";
import { chairTerms } from "../../src/db/schema/index.js";
import { browser, makePerson, matrixActors } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

type Who = "visitor" | "member" | "focalPoint" | "otherFocalPoint" | "chair" | "secretariat";
const everyone: Who[] = ["visitor", "member", "focalPoint", "otherFocalPoint", "chair", "secretariat"];
const signedIn: Who[] = ["member", "focalPoint", "otherFocalPoint", "chair", "secretariat"];

const newOrg = {
  acronym: "MSA",
  name: "Matrix Space Agency",
  country: "Nowhere",
  kind: "space_agency",
  joined: "2025",
};
const newPerson = {
  name: "New Person",
  email: "new.person@example.org",
  organisation: "ESA",
  roles: "member",
  active: "on",
};
const profile = { website: "https://www.esa.int", description: "Europe's space agency." };
const chair = { organisation: "ESA", from: "2030", certainty: "confirmed" };

/** Every protected route: method, path (ids filled per test), body, and who may use it. ESA is the focal point's own agency. */
const routes: Array<{
  method: "GET" | "POST" | "PATCH";
  path: string;
  body?: Record<string, unknown>;
  api?: boolean;
  allowed: Who[];
}> = [
  { method: "GET", path: "/private", allowed: signedIn },
  { method: "GET", path: "/private/account", allowed: signedIn },
  { method: "GET", path: "/private/members", allowed: signedIn },
  { method: "GET", path: "/private/people", allowed: signedIn },
  { method: "GET", path: "/private/members/new", allowed: ["secretariat"] },
  { method: "POST", path: "/private/members/new", body: newOrg, allowed: ["secretariat"] },
  { method: "GET", path: "/private/members/esa/edit", allowed: ["focalPoint", "secretariat"] },
  {
    method: "POST",
    path: "/private/members/esa/edit",
    body: { ...newOrg, ...profile, acronym: "ESA", name: "European Space Agency" },
    allowed: ["focalPoint", "secretariat"],
  },
  { method: "GET", path: "/private/people/new", allowed: ["secretariat"] },
  { method: "POST", path: "/private/people/new", body: newPerson, allowed: ["secretariat"] },
  { method: "GET", path: "/private/people/:person/edit", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/people/:person/edit",
    body: { ...newPerson, email: "changed@example.org" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/chairs", allowed: ["secretariat"] },
  { method: "POST", path: "/private/chairs", body: chair, allowed: ["secretariat"] },
  { method: "GET", path: "/private/chairs/:chair/edit", allowed: ["secretariat"] },
  { method: "POST", path: "/private/chairs/:chair/edit", body: chair, allowed: ["secretariat"] },
  { method: "GET", path: "/private/chairs/:chair/delete", allowed: ["secretariat"] },
  { method: "POST", path: "/private/chairs/:chair/delete", allowed: ["secretariat"] },
  { method: "GET", path: "/private/audit", allowed: ["secretariat"] },
  { method: "GET", path: "/private/settings", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/settings",
    body: {
      name: "Forum Secretariat",
      hostAcronym: "ESA",
      address: "Street 1\nTown",
      email: "sec@example.org",
      note: "",
    },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/members",
    api: true,
    body: { ...newOrg, founding: false },
    allowed: ["secretariat"],
  },
  {
    method: "PATCH",
    path: "/api/v1/members/esa",
    api: true,
    body: { description: "Changed" },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/people",
    api: true,
    body: { ...newPerson, roles: ["member"], active: true },
    allowed: ["secretariat"],
  },
  {
    method: "PATCH",
    path: "/api/v1/people/:person",
    api: true,
    body: { jobTitle: "Engineer" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/api/v1/audit", api: true, allowed: ["secretariat"] },
];

const cases = routes.flatMap((r) => everyone.map((who) => ({ ...r, who })));

describe("access matrix: every protected route, every role, signed out, and the wrong agency", () => {
  it.each(cases)("$method $path as $who", async ({ method, path, body, api, allowed, who }) => {
    const actors = await matrixActors(t.deps);
    const subject = await makePerson(t.deps, ["member"], "ESA");
    const [term] = await t.deps.db.select().from(chairTerms).limit(1);
    const url = path.replace(":person", String(subject.id)).replace(":chair", String(term!.id));
    const b = await browser(t.deps, t.app, who === "visitor" ? undefined : actors[who]);
    const res =
      method === "GET"
        ? await b.get(url)
        : api
          ? await b.json(method, url, body)
          : await b.post(url, body as Record<string, string>);
    if (allowed.includes(who)) {
      expect([200, 201, 303], `${await res.clone().text()}`).toContain(res.status);
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
