import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  chairTerms,
  faqQuestions,
  gerEditions,
  groupChairs,
  groupMemberships,
  newsArticles,
  workingGroups,
} from "../../src/db/schema/index.js";
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
const newPublication = { title: "Matrix Paper", category: "paper", externalUrl: "https://example.org/paper" };
const newQuestion = { section: "isecg", question: "Is this the matrix?", answer: "Yes." };
const newGroup = { name: "Matrix Working Group", acronym: "MWG", kind: "working_group", started: "2030" };
const newMeeting = {
  title: "Matrix meeting",
  kind: "sam_meeting",
  start: "2031-03-29T09:00",
  end: "2031-03-29T17:00",
  timeZone: "Europe/Berlin",
  mode: "virtual",
};
const newArticle = {
  title: "Matrix news",
  date: "2030-01-01",
  summary: "A summary for the access matrix.",
  body: "Text.",
};

/** Every protected route: method, path (ids filled per test), body, and who may use it. ESA is the focal point's own agency. */
const routes: Array<{
  method: "GET" | "POST" | "PATCH" | "DELETE";
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
  { method: "GET", path: "/private/outbox", allowed: ["secretariat"] },
  { method: "GET", path: "/private/subscribers", allowed: ["secretariat"] },
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
  { method: "GET", path: "/private/news", allowed: ["secretariat"] },
  { method: "GET", path: "/private/news/new", allowed: ["secretariat"] },
  { method: "POST", path: "/private/news/new", body: newArticle, allowed: ["secretariat"] },
  { method: "GET", path: "/private/news/:article/edit", allowed: ["secretariat"] },
  { method: "POST", path: "/private/news/:article/edit", body: newArticle, allowed: ["secretariat"] },
  { method: "POST", path: "/private/news/:article/publish", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/news/:article/schedule",
    body: { publishAt: "2099-01-01T09:00" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/news/:article/unpublish", allowed: ["secretariat"] },
  { method: "POST", path: "/private/news/:article/unpublish", allowed: ["secretariat"] },
  { method: "GET", path: "/private/news/:article/history", allowed: ["secretariat"] },
  { method: "POST", path: "/private/news/:article/revisions/1/restore", allowed: ["secretariat"] },
  { method: "POST", path: "/api/v1/news", api: true, body: newArticle, allowed: ["secretariat"] },
  {
    method: "PATCH",
    path: "/api/v1/news/annual-report-2022-published",
    api: true,
    body: { summary: "A changed summary of the report." },
    allowed: ["secretariat"],
  },
  // Missions (roadmap): ESA leads Argonaut (JAXA takes no part); NASA leads Artemis III with ESA as partner.
  { method: "GET", path: "/private/missions", allowed: signedIn },
  { method: "GET", path: "/private/missions/proposals", allowed: signedIn },
  { method: "GET", path: "/private/missions/new", allowed: ["focalPoint", "otherFocalPoint", "secretariat"] },
  {
    method: "POST",
    path: "/private/missions/new",
    body: { name: "Matrix Lander", lead: "ESA", destination: "lunar_surface", status: "concept" },
    allowed: ["focalPoint", "secretariat"],
  },
  { method: "GET", path: "/private/missions/argonaut/edit", allowed: ["focalPoint", "secretariat"] },
  {
    method: "POST",
    path: "/private/missions/argonaut/edit",
    body: { name: "Argonaut", destination: "lunar_surface", status: "in_formulation", lead: "ESA" },
    allowed: ["focalPoint", "secretariat"],
  },
  { method: "GET", path: "/private/missions/artemis-3/propose", allowed: ["focalPoint"] },
  {
    method: "POST",
    path: "/private/missions/artemis-3/propose",
    body: { name: "Artemis III", destination: "lunar_surface", status: "funded", note: "Later" },
    allowed: ["focalPoint"],
  },
  {
    method: "POST",
    path: "/api/v1/missions",
    api: true,
    body: { name: "Matrix Lander", lead: "ESA", destination: "lunar_surface", status: "concept" },
    allowed: ["focalPoint", "secretariat"],
  },
  {
    method: "PATCH",
    path: "/api/v1/missions/argonaut",
    api: true,
    body: { status: "funded" },
    allowed: ["focalPoint", "secretariat"],
  },
  // Publications, FAQ and content pages: the secretariat's alone.
  { method: "GET", path: "/private/publications", allowed: ["secretariat"] },
  { method: "GET", path: "/private/publications/new", allowed: ["secretariat"] },
  { method: "POST", path: "/private/publications/new", body: newPublication, allowed: ["secretariat"] },
  { method: "GET", path: "/private/publications/annual-report-2009/edit", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/publications/annual-report-2009/edit",
    body: { title: "ISECG Annual Report 2009", category: "annual_report" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/publications/annual-report-2009/delete", allowed: ["secretariat"] },
  { method: "POST", path: "/private/publications/annual-report-2009/delete", allowed: ["secretariat"] },
  { method: "POST", path: "/api/v1/publications", api: true, body: newPublication, allowed: ["secretariat"] },
  {
    method: "PATCH",
    path: "/api/v1/publications/annual-report-2009",
    api: true,
    body: { producedBy: "ISECG Secretariat" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/faq", allowed: ["secretariat"] },
  { method: "GET", path: "/private/faq/new", allowed: ["secretariat"] },
  { method: "POST", path: "/private/faq/new", body: newQuestion, allowed: ["secretariat"] },
  { method: "GET", path: "/private/faq/:faq/edit", allowed: ["secretariat"] },
  { method: "POST", path: "/private/faq/:faq/edit", body: newQuestion, allowed: ["secretariat"] },
  { method: "POST", path: "/private/faq/:faq/move", body: { direction: "down" }, allowed: ["secretariat"] },
  { method: "GET", path: "/private/faq/:faq/delete", allowed: ["secretariat"] },
  { method: "POST", path: "/private/faq/:faq/delete", allowed: ["secretariat"] },
  { method: "GET", path: "/private/pages", allowed: ["secretariat"] },
  { method: "GET", path: "/private/pages/science/edit", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/pages/science/edit",
    body: { title: "Science", body: "Text.", action: "save" },
    allowed: ["secretariat"],
  },
  // Working groups (the matrix's chair chairs no group: chairs are tested in groups.test.ts) and meetings.
  { method: "GET", path: "/private/groups", allowed: signedIn },
  { method: "GET", path: "/private/groups/new", allowed: ["secretariat"] },
  { method: "POST", path: "/private/groups/new", body: newGroup, allowed: ["secretariat"] },
  { method: "GET", path: "/private/groups/:group", allowed: ["secretariat"] },
  { method: "POST", path: "/private/groups/:group", body: newGroup, allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/groups/:group/members",
    body: { organisation: "JAXA", joined: "2030-01-01" },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/private/groups/:group/members/:membership/leave",
    body: { left: "2031-01-01" },
    allowed: ["secretariat"],
  },
  { method: "POST", path: "/private/groups/:group/chairs", body: { label: "ESA" }, allowed: ["secretariat"] },
  { method: "GET", path: "/private/groups/:group/chairs/:gchair/remove", allowed: ["secretariat"] },
  { method: "POST", path: "/private/groups/:group/chairs/:gchair/remove", allowed: ["secretariat"] },
  { method: "GET", path: "/private/meetings", allowed: signedIn },
  { method: "GET", path: "/private/meetings/new", allowed: ["chair", "secretariat"] },
  { method: "POST", path: "/private/meetings/new", body: newMeeting, allowed: ["secretariat"] },
  { method: "GET", path: "/private/meetings/2023-songdo/edit", allowed: ["secretariat"] },
  { method: "POST", path: "/private/meetings/2023-songdo/edit", body: newMeeting, allowed: ["secretariat"] },
  { method: "GET", path: "/private/meetings/2023-songdo/attendance", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/meetings/2023-songdo/attendance",
    body: { agencies: "KARI" },
    allowed: ["secretariat"],
  },
  // Roadmap editions: the secretariat's alone. "matrix-draft" is a draft edition made for the test.
  { method: "GET", path: "/private/editions", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/editions",
    body: { name: "Matrix Edition", year: "2031", kind: "edition" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/editions/matrix-draft", allowed: ["secretariat"] },
  { method: "GET", path: "/private/editions/matrix-draft/publish", allowed: ["secretariat"] },
  { method: "POST", path: "/private/editions/matrix-draft/publish", allowed: ["secretariat"] },
  { method: "GET", path: "/private/editions/matrix-draft/delete", allowed: ["secretariat"] },
  { method: "POST", path: "/private/editions/matrix-draft/delete", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/api/v1/editions",
    api: true,
    body: { name: "Matrix Edition", year: 2031, kind: "edition" },
    allowed: ["secretariat"],
  },
  { method: "POST", path: "/api/v1/editions/matrix-draft/publication", api: true, allowed: ["secretariat"] },
  { method: "DELETE", path: "/api/v1/editions/matrix-draft", api: true, allowed: ["secretariat"] },
];

const cases = routes.flatMap((r) => everyone.map((who) => ({ ...r, who })));

describe("access matrix: every protected route, every role, signed out, and the wrong agency", () => {
  it.each(cases)("$method $path as $who", async ({ method, path, body, api, allowed, who }) => {
    const actors = await matrixActors(t.deps);
    const subject = await makePerson(t.deps, ["member"], "ESA");
    const [term] = await t.deps.db.select().from(chairTerms).limit(1);
    const [news] = await t.deps.db.select().from(newsArticles).limit(1);
    const [faq] = await t.deps.db.select().from(faqQuestions).limit(1);
    const url = path
      .replace(":person", String(subject.id))
      .replace(":chair", String(term!.id))
      .replace(":article", String(news!.id))
      .replace(":faq", String(faq!.id));
    // A group with a chair and a member agency in the dataset (SWG: DLR and CNES).
    const [gm] = await t.deps.db
      .select({ id: groupMemberships.id, chair: groupChairs.id, slug: workingGroups.slug })
      .from(groupMemberships)
      .innerJoin(workingGroups, eq(workingGroups.id, groupMemberships.groupId))
      .innerJoin(groupChairs, eq(groupChairs.groupId, workingGroups.id))
      .limit(1);
    const groupUrl = url
      .replace(":group", gm!.slug)
      .replace(":membership", String(gm!.id))
      .replace(":gchair", String(gm!.chair));
    if (path.includes("matrix-draft")) {
      await t.deps.db.insert(gerEditions).values({
        slug: "matrix-draft",
        name: "Matrix draft",
        year: 2031,
        kind: "edition",
        frozenAt: new Date(),
      });
    }
    const b = await browser(t.deps, t.app, who === "visitor" ? undefined : actors[who]);
    const res =
      method === "GET"
        ? await b.get(groupUrl)
        : api
          ? await b.json(method, groupUrl, body)
          : await b.post(groupUrl, body as Record<string, string>);
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
