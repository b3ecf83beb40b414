import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
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
  newsArticles,
  passkeys,
  reviewPositions,
  workingGroups,
} from "../../src/db/schema/index.js";
import { type Person, systemActor } from "../../src/features/auth/actor.js";
import { invitePerson } from "../../src/features/invitations/invitations.service.js";
import { endorseProduct } from "../../src/features/products/endorsement/endorsement.service.js";
import { setPosition } from "../../src/features/products/positions/positions.service.js";
import { findProductBySlug } from "../../src/features/products/products.queries.js";
import { addVersion } from "../../src/features/products/products.service.js";
import { currentRound } from "../../src/features/products/rounds/rounds.service.js";
import { createApiToken } from "../../src/features/tokens/tokens.service.js";
import { MATRIX_ACTION, makeMatrixAction, makeMatrixDeliverable } from "../support/actions.js";
import { browser, makePerson, matrixActors } from "../support/actors.js";
import { makeEndorsableProduct } from "../support/consensus.js";
import { useTestDatabase } from "../support/database.js";
import { makeMatrixInput } from "../support/inbox.js";
import { makeMatrixMeeting } from "../support/meetings.js";
import { makeMatrixProduct, V1, V2 } from "../support/products.js";
import { makeMatrixCapability, makeMatrixNeed } from "../support/technology.js";

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
const matrixSession = { title: "Matrix session", start: "2031-05-01T10:00", end: "2031-05-01T11:00" };
const newAction = { title: "Matrix action", ownerAgency: "ESA", due: "2031-02-01" };
const newDeliverable = { title: "Matrix deliverable", status: "planned" };
const newArticle = {
  title: "Matrix news",
  date: "2030-01-01",
  summary: "A summary for the access matrix.",
  body: "Text.",
};

const matrixProduct = { title: "Matrix Product New", kind: "white_paper", leadGroup: "twg", agencies: "ESA" };
const matrixRound = { version: "1", deadline: "2099-01-01T12:00", timeZone: "UTC" };
const matrixComment = { section: "purpose", category: "technical", text: "A matrix comment." };

const newTechnology = { code: "GER-300", area: "PROP", title: "Matrix engine", destinations: "mars" };
const newCapability = {
  agency: "ESA",
  technology: "GER-018",
  currentTrl: "3",
  targetTrl: "5",
  targetDate: "2030-01-01",
};
const newNeed = { mission: "argonaut", technology: "GER-017", trlNeeded: "6", neededBy: "2029-01-01" };

/** Every protected route: method, path (ids filled per test), body, and who may use it. ESA is the focal point's own agency. */
const routes: Array<{
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  body?: Record<string, unknown>;
  api?: boolean;
  allowed: Who[];
}> = [
  { method: "GET", path: "/private", allowed: signedIn },
  { method: "POST", path: "/private/account/mail", body: { receive: "review" }, allowed: signedIn },
  { method: "GET", path: "/private/account", allowed: signedIn },
  { method: "GET", path: "/private/account/sessions", allowed: signedIn },
  { method: "GET", path: "/private/account/two-factor", allowed: signedIn },
  { method: "GET", path: "/private/account/two-factor/app", allowed: signedIn },
  { method: "POST", path: "/private/account/two-factor/app", body: { code: "000000" }, allowed: signedIn },
  {
    method: "POST",
    path: "/private/account/two-factor/app/off",
    body: { password: "not it" },
    allowed: signedIn,
  },
  { method: "POST", path: "/private/account/two-factor/recovery-codes", allowed: signedIn },
  { method: "POST", path: "/private/account/passkeys/options", allowed: signedIn },
  { method: "POST", path: "/private/account/passkeys", body: { name: "Laptop" }, allowed: signedIn },
  { method: "POST", path: "/private/account/passkeys/:passkey/delete", allowed: signedIn },
  { method: "GET", path: "/private/settings/two-factor", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/settings/two-factor",
    body: { roles: "secretariat" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/people/:person/two-factor/reset", allowed: ["secretariat"] },
  { method: "POST", path: "/private/people/:person/two-factor/reset", allowed: ["secretariat"] },
  { method: "GET", path: "/private/people/:person/sessions/end", allowed: ["secretariat"] },
  { method: "POST", path: "/private/people/:person/sessions/end", allowed: ["secretariat"] },
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
  { method: "GET", path: "/private/members/esa/sso", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/members/esa/sso",
    body: {
      issuer: "https://login.esa.example",
      clientId: "isecg",
      clientSecret: "matrix-secret",
      enabled: "on",
    },
    allowed: ["secretariat"],
  },
  { method: "POST", path: "/private/members/esa/sso/test", allowed: ["secretariat"] },
  { method: "GET", path: "/private/people/new", allowed: ["secretariat"] },
  { method: "POST", path: "/private/people/new", body: newPerson, allowed: ["secretariat"] },
  { method: "GET", path: "/private/people/:person/edit", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/people/:person/edit",
    body: { ...newPerson, email: "changed@example.org" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/people/:person/privacy", allowed: ["secretariat"] },
  { method: "GET", path: "/private/people/:person/privacy/export.json", allowed: ["secretariat"] },
  { method: "GET", path: "/private/people/:person/privacy/erase", allowed: ["secretariat"] },
  { method: "POST", path: "/private/people/:person/privacy/erase", allowed: ["secretariat"] },
  { method: "GET", path: "/private/invitations", allowed: ["focalPoint", "otherFocalPoint", "secretariat"] },
  {
    method: "GET",
    path: "/private/invitations/new",
    allowed: ["focalPoint", "otherFocalPoint", "secretariat"],
  },
  {
    method: "POST",
    path: "/private/invitations/new",
    body: { name: "Invited Person", email: "invited@example.org", organisation: "ESA", roles: "member" },
    allowed: ["focalPoint", "secretariat"],
  },
  // ":invitee" is a pending invitation to ESA, sent by the secretariat.
  { method: "POST", path: "/private/invitations/:invitee/resend", allowed: ["focalPoint", "secretariat"] },
  { method: "GET", path: "/private/invitations/:invitee/withdraw", allowed: ["focalPoint", "secretariat"] },
  { method: "POST", path: "/private/invitations/:invitee/withdraw", allowed: ["focalPoint", "secretariat"] },
  { method: "GET", path: "/private/chairs", allowed: ["secretariat"] },
  { method: "POST", path: "/private/chairs", body: chair, allowed: ["secretariat"] },
  { method: "GET", path: "/private/chairs/:chair/edit", allowed: ["secretariat"] },
  { method: "POST", path: "/private/chairs/:chair/edit", body: chair, allowed: ["secretariat"] },
  { method: "GET", path: "/private/chairs/:chair/delete", allowed: ["secretariat"] },
  { method: "POST", path: "/private/chairs/:chair/delete", allowed: ["secretariat"] },
  { method: "GET", path: "/private/audit", allowed: ["secretariat"] },
  { method: "GET", path: "/private/facts", allowed: ["secretariat"] },
  { method: "GET", path: "/private/site/logo", allowed: ["secretariat"] },
  { method: "GET", path: "/private/site/logo/remove", allowed: ["secretariat"] },
  { method: "POST", path: "/private/site/logo/remove", allowed: ["secretariat"] },
  { method: "POST", path: "/private/facts/chair/:chair/confirm", allowed: ["secretariat"] },
  { method: "POST", path: "/private/facts/news/:article/hide", allowed: ["secretariat"] },
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
  { method: "GET", path: "/api/v1/people", api: true, allowed: signedIn },
  { method: "GET", path: "/api/v1/people/:person", api: true, allowed: signedIn },
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
  // Critical Technology List (part 1): members read; the secretariat keeps the list; ESA's focal point
  // changes ESA's capability and the needs of Argonaut (ESA leads); chairs may open the needs form.
  { method: "GET", path: "/private/technology", allowed: signedIn },
  { method: "GET", path: "/private/technology/GER-019", allowed: signedIn },
  { method: "GET", path: "/private/technology/new", allowed: ["secretariat"] },
  { method: "POST", path: "/private/technology/new", body: newTechnology, allowed: ["secretariat"] },
  { method: "GET", path: "/private/technology/GER-019/edit", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/technology/GER-019/edit",
    body: { ...newTechnology, code: "GER-019" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/technology/areas/new", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/technology/areas/new",
    body: { code: "MTX", name: "Matrix" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/technology/areas/PROP/edit", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/technology/areas/PROP/edit",
    body: { code: "PROP", name: "Propulsion" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/technology/capabilities", allowed: signedIn },
  {
    method: "GET",
    path: "/private/technology/capabilities/new",
    allowed: ["focalPoint", "otherFocalPoint", "secretariat"],
  },
  // A focal point's form always records their own agency (JAXA's here), so JAXA's focal point may post it.
  {
    method: "POST",
    path: "/private/technology/capabilities/new",
    body: newCapability,
    allowed: ["focalPoint", "otherFocalPoint", "secretariat"],
  },
  {
    method: "GET",
    path: "/private/technology/capabilities/:capability/edit",
    allowed: ["focalPoint", "secretariat"],
  },
  {
    method: "POST",
    path: "/private/technology/capabilities/:capability/edit",
    body: newCapability,
    allowed: ["focalPoint", "secretariat"],
  },
  {
    method: "GET",
    path: "/private/technology/capabilities/:capability/delete",
    allowed: ["focalPoint", "secretariat"],
  },
  {
    method: "POST",
    path: "/private/technology/capabilities/:capability/delete",
    allowed: ["focalPoint", "secretariat"],
  },
  { method: "GET", path: "/private/technology/needs", allowed: signedIn },
  {
    method: "GET",
    path: "/private/technology/needs/new",
    allowed: ["focalPoint", "otherFocalPoint", "chair", "secretariat"],
  },
  {
    method: "POST",
    path: "/private/technology/needs/new",
    body: newNeed,
    allowed: ["focalPoint", "secretariat"],
  },
  { method: "GET", path: "/private/technology/needs/:need/edit", allowed: ["focalPoint", "secretariat"] },
  {
    method: "POST",
    path: "/private/technology/needs/:need/edit",
    body: newNeed,
    allowed: ["focalPoint", "secretariat"],
  },
  { method: "GET", path: "/private/technology/needs/:need/delete", allowed: ["focalPoint", "secretariat"] },
  { method: "POST", path: "/private/technology/needs/:need/delete", allowed: ["focalPoint", "secretariat"] },
  { method: "GET", path: "/private/technology/data", allowed: signedIn },
  { method: "GET", path: "/private/technology/data/capabilities.csv", allowed: signedIn },
  { method: "GET", path: "/private/technology/data/needs.json", allowed: signedIn },
  {
    method: "POST",
    path: "/private/technology/data",
    body: { kind: "technologies", content: "code,area,title\r\nGER-300,PROP,Matrix engine", action: "check" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/api/v1/capabilities", api: true, allowed: signedIn },
  {
    method: "POST",
    path: "/api/v1/capabilities",
    api: true,
    body: { ...newCapability, agency: "ESA", currentTrl: 3, targetTrl: 5 },
    allowed: ["focalPoint", "secretariat"],
  },
  {
    method: "PATCH",
    path: "/api/v1/capabilities/:capability",
    api: true,
    body: { targetTrl: 7 },
    allowed: ["focalPoint", "secretariat"],
  },
  {
    method: "DELETE",
    path: "/api/v1/capabilities/:capability",
    api: true,
    allowed: ["focalPoint", "secretariat"],
  },
  { method: "GET", path: "/api/v1/technology-needs", api: true, allowed: signedIn },
  {
    method: "POST",
    path: "/api/v1/technology-needs",
    api: true,
    body: { ...newNeed, trlNeeded: 6 },
    allowed: ["focalPoint", "secretariat"],
  },
  {
    method: "PATCH",
    path: "/api/v1/technology-needs/:need",
    api: true,
    body: { trlNeeded: 7 },
    allowed: ["focalPoint", "secretariat"],
  },
  {
    method: "DELETE",
    path: "/api/v1/technology-needs/:need",
    api: true,
    allowed: ["focalPoint", "secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/technologies/import?dryRun=true",
    api: true,
    body: { data: [{ code: "GER-300", area: "PROP", title: "Matrix engine" }] },
    allowed: ["secretariat"],
  },
  // Technology gaps (part 2): the analysis and heat map for every member; assessments and the
  // public level of detail changed by the secretariat only.
  { method: "GET", path: "/private/technology/gaps", allowed: signedIn },
  { method: "GET", path: "/private/technology/gaps/technologies/ger-019", allowed: signedIn },
  { method: "GET", path: "/private/technology/gaps/agencies/esa", allowed: signedIn },
  { method: "GET", path: "/private/technology/gaps/heatmap", allowed: signedIn },
  { method: "GET", path: "/private/technology/gaps/heatmap.svg", allowed: signedIn },
  { method: "GET", path: "/private/technology/gaps/heatmap.png", allowed: signedIn },
  { method: "GET", path: "/private/technology/gaps/heatmap.csv", allowed: signedIn },
  { method: "GET", path: "/private/technology/assessments", allowed: signedIn },
  { method: "GET", path: "/api/v1/technology-gaps", api: true, allowed: signedIn },
  { method: "GET", path: "/private/technology/assessments/new", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/technology/assessments/new",
    body: { title: "Matrix assessment", slug: "matrix-assessment", status: "planned" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/technology/assessments/dust-mitigation/edit", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/technology/assessments/dust-mitigation/edit",
    body: { title: "Dust Mitigation", slug: "dust-mitigation", status: "ongoing" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/technology/assessments/public-detail", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/technology/assessments/public-detail",
    body: { level: "agencies" },
    allowed: ["secretariat"],
  },
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
  // Mission import: a non-member lead keeps the row valid for every importer (a focal point's
  // rows are their own agency's whatever the file says; the secretariat's name a lead).
  {
    method: "GET",
    path: "/private/missions/import",
    allowed: ["focalPoint", "otherFocalPoint", "secretariat"],
  },
  {
    method: "POST",
    path: "/private/missions/import",
    body: {
      text: "slug,name,destination,status,lead_other\r\nmatrix-import,Matrix Import,mars,concept,Matrix Co\r\n",
    },
    allowed: ["focalPoint", "otherFocalPoint", "secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/missions/import?dryRun=true",
    api: true,
    body: {
      missions: [{ name: "Matrix Import", destination: "mars", status: "concept", leadOther: "Matrix Co" }],
    },
    allowed: ["focalPoint", "otherFocalPoint", "secretariat"],
  },
  // API tokens: ESA's focal point and the secretariat manage ESA's tokens (:token is one of ESA's).
  { method: "GET", path: "/private/tokens", allowed: ["focalPoint", "otherFocalPoint", "secretariat"] },
  {
    method: "POST",
    path: "/private/tokens",
    body: { name: "Matrix token", agency: "ESA" },
    allowed: ["focalPoint", "secretariat"],
  },
  { method: "GET", path: "/private/tokens/:token/revoke", allowed: ["focalPoint", "secretariat"] },
  { method: "POST", path: "/private/tokens/:token/revoke", allowed: ["focalPoint", "secretariat"] },
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
  { method: "GET", path: "/private/site", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/site",
    body: {
      action: "preview",
      name: "A forum",
      acronym: "AF",
      "home.intro": "Hello.",
      "about.purpose": "Why.",
    },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/site/draft/discard", allowed: ["secretariat"] },
  { method: "POST", path: "/private/site/draft/discard", allowed: ["secretariat"] },
  { method: "GET", path: "/private/site/revisions/:siterev/restore", allowed: ["secretariat"] },
  { method: "POST", path: "/private/site/revisions/:siterev/restore", allowed: ["secretariat"] },
  { method: "GET", path: "/private/pages", allowed: ["secretariat"] },
  { method: "GET", path: "/private/pages/science/edit", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/pages/science/edit",
    body: { title: "Science", body: "Text.", action: "save" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/pages/science/revisions/:pagerev/restore", allowed: ["secretariat"] },
  { method: "POST", path: "/private/pages/science/revisions/:pagerev/restore", allowed: ["secretariat"] },
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
  // The private meeting page and its parts ("matrix-meeting": see tests/support/meetings.ts). The
  // matrix's chair chairs no group, so only the secretariat manages; group chairs are tested in
  // tests/http/meeting-work.test.ts, file uploads (multipart) there too.
  { method: "GET", path: "/private/meetings/matrix-meeting", allowed: signedIn },
  {
    method: "POST",
    path: "/private/meetings/matrix-meeting/registration",
    body: { attendance: "virtual" },
    allowed: signedIn,
  },
  { method: "GET", path: "/private/meetings/matrix-meeting/registration/cancel", allowed: signedIn },
  { method: "POST", path: "/private/meetings/matrix-meeting/registration/cancel", allowed: signedIn },
  { method: "GET", path: "/private/meetings/matrix-meeting/registrations", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/meetings/matrix-meeting/registrations",
    body: {},
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/meetings/matrix-meeting/agenda/new", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/meetings/matrix-meeting/agenda/new",
    body: { title: "Matrix item 2" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/meetings/matrix-meeting/agenda/:agendaItem", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/meetings/matrix-meeting/agenda/:agendaItem",
    body: { title: "Matrix item" },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/private/meetings/matrix-meeting/agenda/:agendaItem/move",
    body: { direction: "up" },
    allowed: ["secretariat"],
  },
  {
    method: "GET",
    path: "/private/meetings/matrix-meeting/agenda/:agendaItem/delete",
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/private/meetings/matrix-meeting/agenda/:agendaItem/delete",
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/meetings/matrix-meeting/files/:agendaFile", allowed: signedIn },
  {
    method: "GET",
    path: "/private/meetings/matrix-meeting/agenda/:agendaItem/files/:agendaFile/delete",
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/private/meetings/matrix-meeting/agenda/:agendaItem/files/:agendaFile/delete",
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/meetings/matrix-meeting/decisions/new", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/meetings/matrix-meeting/decisions/new",
    body: { text: "Matrix decision 2." },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/meetings/matrix-meeting/decisions/1", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/meetings/matrix-meeting/decisions/1",
    body: { text: "Matrix decision, edited." },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/meetings/matrix-meeting/minutes", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/meetings/matrix-meeting/minutes",
    body: { text: "Matrix minutes v2." },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/meetings/matrix-meeting/minutes/versions", allowed: signedIn },
  { method: "GET", path: "/private/meetings/matrix-meeting/minutes/versions/1", allowed: signedIn },
  { method: "GET", path: "/private/meetings/matrix-meeting/minutes/approval", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/meetings/matrix-meeting/minutes/approval",
    body: { approvingMeeting: "matrix-later" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/api/v1/meetings/matrix-meeting/registrations", api: true, allowed: signedIn },
  {
    method: "PUT",
    path: "/api/v1/meetings/matrix-meeting/registration",
    api: true,
    body: { attendance: "virtual" },
    allowed: signedIn,
  },
  { method: "DELETE", path: "/api/v1/meetings/matrix-meeting/registration", api: true, allowed: signedIn },
  {
    method: "PATCH",
    path: "/api/v1/meetings/matrix-meeting/registrations/:registration",
    api: true,
    body: { attended: true },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/api/v1/meetings/matrix-meeting/agenda", api: true, allowed: signedIn },
  {
    method: "POST",
    path: "/api/v1/meetings/matrix-meeting/agenda",
    api: true,
    body: { title: "Matrix item 2" },
    allowed: ["secretariat"],
  },
  {
    method: "PATCH",
    path: "/api/v1/meetings/matrix-meeting/agenda/:agendaItem",
    api: true,
    body: { notes: "n" },
    allowed: ["secretariat"],
  },
  {
    method: "DELETE",
    path: "/api/v1/meetings/matrix-meeting/agenda/:agendaItem",
    api: true,
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/api/v1/meetings/matrix-meeting/decisions", api: true, allowed: signedIn },
  {
    method: "POST",
    path: "/api/v1/meetings/matrix-meeting/decisions",
    api: true,
    body: { text: "Matrix decision 2." },
    allowed: ["secretariat"],
  },
  {
    method: "PATCH",
    path: "/api/v1/meetings/matrix-meeting/decisions/1",
    api: true,
    body: { text: "Edited." },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/api/v1/meetings/matrix-meeting/minutes", api: true, allowed: signedIn },
  {
    method: "POST",
    path: "/api/v1/meetings/matrix-meeting/minutes",
    api: true,
    body: { text: "Matrix minutes v2." },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/meetings/matrix-meeting/minutes/approval",
    api: true,
    body: { approvingMeeting: "matrix-later" },
    allowed: ["secretariat"],
  },
  // A meeting's programme (sessions): the secretariat's, or the group's chair's (see meeting-sessions.test.ts).
  { method: "GET", path: "/private/meetings/matrix-meeting/sessions/new", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/meetings/matrix-meeting/sessions/new",
    body: matrixSession,
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/meetings/matrix-meeting/sessions/:session", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/meetings/matrix-meeting/sessions/:session",
    body: matrixSession,
    allowed: ["secretariat"],
  },
  {
    method: "GET",
    path: "/private/meetings/matrix-meeting/sessions/:session/delete",
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/private/meetings/matrix-meeting/sessions/:session/delete",
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/meetings/matrix-meeting/sessions",
    api: true,
    body: matrixSession,
    allowed: ["secretariat"],
  },
  {
    method: "PATCH",
    path: "/api/v1/meetings/matrix-meeting/sessions/:session",
    api: true,
    body: { title: "Matrix session, renamed" },
    allowed: ["secretariat"],
  },
  {
    method: "DELETE",
    path: "/api/v1/meetings/matrix-meeting/sessions/:session",
    api: true,
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
  // Consensus products: "matrix-product" is led by TWG (the matrix's chair chairs no group); ESA, NASA and
  // CNES take part, JAXA does not. Round 1: comment 1 drafted by the ESA member, comment 2 submitted by CNES.
  { method: "GET", path: "/private/products", allowed: signedIn },
  { method: "GET", path: "/private/products/new", allowed: ["chair", "secretariat"] },
  { method: "POST", path: "/private/products/new", body: matrixProduct, allowed: ["secretariat"] },
  { method: "GET", path: "/private/products/matrix-product", allowed: signedIn },
  { method: "GET", path: "/private/products/matrix-product/edit", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/products/matrix-product/edit",
    body: matrixProduct,
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/products/matrix-product/versions/1", allowed: signedIn },
  { method: "GET", path: "/private/products/matrix-product/diff?from=1&to=1", allowed: signedIn },
  { method: "GET", path: "/private/products/matrix-product/versions/new", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/products/matrix-product/versions/new",
    body: { body: "# New" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/products/matrix-product/rounds/new", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/products/matrix-product/rounds/new",
    body: matrixRound,
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/products/matrix-product/rounds/1", allowed: signedIn },
  {
    method: "GET",
    path: "/private/products/matrix-product/rounds/1/comments/new",
    allowed: ["member", "focalPoint", "chair"],
  },
  {
    method: "POST",
    path: "/private/products/matrix-product/rounds/1/comments/new",
    body: matrixComment,
    allowed: ["member", "focalPoint", "chair"],
  },
  {
    method: "GET",
    path: "/private/products/matrix-product/rounds/1/comments/1/edit",
    allowed: ["member", "focalPoint"],
  },
  {
    method: "POST",
    path: "/private/products/matrix-product/rounds/1/comments/1/edit",
    body: matrixComment,
    allowed: ["member", "focalPoint"],
  },
  {
    method: "GET",
    path: "/private/products/matrix-product/rounds/1/comments/1/withdraw",
    allowed: ["member", "focalPoint"],
  },
  {
    method: "POST",
    path: "/private/products/matrix-product/rounds/1/comments/1/withdraw",
    allowed: ["member", "focalPoint"],
  },
  { method: "GET", path: "/private/products/matrix-product/rounds/1/submit", allowed: ["focalPoint"] },
  // POST …/close also needs every agency's position (409 otherwise): tests/http/reviews.test.ts covers it.
  { method: "GET", path: "/private/products/matrix-product/rounds/1/close", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/products/matrix-product/rounds/1/close",
    body: { reason: "The forum decided to close it now." },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/products/matrix-product/rounds/1/closure",
    api: true,
    body: { reason: "The forum decided to close it now." },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/products/matrix-product/rounds/1/deadline", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/products/matrix-product/rounds/1/deadline",
    body: { deadline: "2099-02-01T12:00", timeZone: "UTC", reason: "More time for everyone." },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/products/matrix-product/rounds/1/deadline-extensions",
    api: true,
    body: { deadline: "2099-02-01T12:00", reason: "More time for everyone." },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/products/matrix-product/rounds/1/deferral", allowed: ["focalPoint"] },
  {
    method: "POST",
    path: "/private/products/matrix-product/rounds/1/deferral",
    body: { reason: "Our board meets later." },
    allowed: ["focalPoint"],
  },
  {
    method: "POST",
    path: "/api/v1/products/matrix-product/rounds/1/deferrals",
    api: true,
    body: { reason: "Our board meets later." },
    allowed: ["focalPoint"],
  },
  {
    method: "GET",
    path: "/private/products/matrix-product/rounds/1/positions/on-behalf",
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/private/products/matrix-product/rounds/1/positions/on-behalf",
    body: { agency: "NASA", position: "concur", evidence: "E-mail from NASA." },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/api/v1/products/matrix-product/history", api: true, allowed: signedIn },
  { method: "POST", path: "/private/products/matrix-product/rounds/1/submit", allowed: ["focalPoint"] },
  { method: "GET", path: "/private/products/matrix-product/rounds/1/position", allowed: ["focalPoint"] },
  {
    method: "POST",
    path: "/private/products/matrix-product/rounds/1/position",
    body: { position: "concur" },
    allowed: ["focalPoint"],
  },
  {
    method: "GET",
    path: "/private/products/matrix-product/rounds/1/comments/2/disposition",
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/private/products/matrix-product/rounds/1/comments/2/disposition",
    body: { disposition: "noted" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/api/v1/products", api: true, allowed: signedIn },
  {
    method: "POST",
    path: "/api/v1/products",
    api: true,
    body: { ...matrixProduct, agencies: ["ESA"] },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/api/v1/products/matrix-product", api: true, allowed: signedIn },
  {
    method: "PATCH",
    path: "/api/v1/products/matrix-product",
    api: true,
    body: { title: "Matrix Product 2" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/api/v1/products/matrix-product/versions/1", api: true, allowed: signedIn },
  {
    method: "POST",
    path: "/api/v1/products/matrix-product/versions",
    api: true,
    body: { body: "# New" },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/products/matrix-product/rounds",
    api: true,
    body: { ...matrixRound, version: 1 },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/api/v1/products/matrix-product/rounds/1", api: true, allowed: signedIn },
  {
    method: "POST",
    path: "/api/v1/products/matrix-product/rounds/1/comments",
    api: true,
    body: matrixComment,
    allowed: ["member", "focalPoint", "chair"],
  },
  {
    method: "PATCH",
    path: "/api/v1/products/matrix-product/rounds/1/comments/1",
    api: true,
    body: matrixComment,
    allowed: ["member", "focalPoint"],
  },
  {
    method: "POST",
    path: "/api/v1/products/matrix-product/rounds/1/comments/1/withdrawal",
    api: true,
    allowed: ["member", "focalPoint"],
  },
  {
    method: "POST",
    path: "/api/v1/products/matrix-product/rounds/1/submission",
    api: true,
    allowed: ["focalPoint"],
  },
  // Comment 2 is CNES's: with no disposition yet its answer is refused (409) even for CNES, so only
  // the refusals of everyone else are tried here; the allowed case is in disposition-response.test.ts.
  {
    method: "PUT",
    path: "/api/v1/products/matrix-product/rounds/1/comments/2/response",
    api: true,
    body: { response: "accepted" },
    allowed: [],
  },
  {
    method: "PUT",
    path: "/api/v1/products/matrix-product/rounds/1/comments/2/disposition",
    api: true,
    body: { disposition: "noted" },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/products/matrix-product/rounds/1/positions",
    api: true,
    body: { position: "concur" },
    allowed: ["focalPoint"],
  },
  // Consensus, matrix, history (every member) and endorsement (the secretariat). "matrix-endorsable"
  // has a closed round with consensus; ":decision" becomes a decision of a SAM meeting.
  { method: "GET", path: "/private/products/matrix-product/history", allowed: signedIn },
  { method: "GET", path: "/private/products/matrix-product/versions/1/carried", allowed: signedIn },
  // ESA's position recorded by the secretariat with a file; positions stay hidden from other agencies.
  {
    method: "GET",
    path: "/private/products/matrix-product/rounds/1/positions/:evidence/evidence",
    allowed: ["member", "focalPoint", "secretariat"],
  },
  // The matrix adds a version 2 that changes the section of CNES's comment 2 for this path.
  {
    method: "POST",
    path: "/private/products/matrix-product/versions/2/carried/rounds/1/comments/2/confirm",
    allowed: ["secretariat"],
  },
  {
    method: "PUT",
    path: "/api/v1/products/matrix-product/versions/2/carried/rounds/1/comments/2/confirmation",
    api: true,
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/api/v1/products/matrix-product/versions/1/carried", api: true, allowed: signedIn },
  { method: "GET", path: "/private/products/matrix-product/rounds/1/matrix.csv", allowed: signedIn },
  { method: "GET", path: "/private/products/matrix-product/rounds/1/matrix.xlsx", allowed: signedIn },
  { method: "GET", path: "/api/v1/products/matrix-product/rounds/1/consensus", api: true, allowed: signedIn },
  { method: "GET", path: "/api/v1/products/matrix-product/rounds/1/matrix", api: true, allowed: signedIn },
  { method: "GET", path: "/private/products/matrix-endorsable/endorsement", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/products/matrix-endorsable/endorsement",
    body: { decision: ":decision", version: "1", description: "Published by the access matrix." },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/products/matrix-endorsable/endorsement",
    api: true,
    body: { decision: ":decision", version: 1, description: "Published by the access matrix." },
    allowed: ["secretariat"],
  },
  // The consensus record: the matrix publishes "matrix-endorsable" first for these paths.
  { method: "GET", path: "/private/products/matrix-endorsable/record", allowed: signedIn },
  {
    method: "GET",
    path: "/api/v1/products/matrix-endorsable/consensus-record",
    api: true,
    allowed: signedIn,
  },
  // Editorial-only changes: the matrix adds version 2 to "matrix-endorsable" for these paths.
  { method: "GET", path: "/private/products/matrix-endorsable/editorial", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/products/matrix-endorsable/editorial",
    body: { from: "1", to: "2", reason: "Only the wording of accepted comments." },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/products/matrix-endorsable/editorial-confirmations",
    api: true,
    body: { from: 1, to: 2, reason: "Only the wording of accepted comments." },
    allowed: ["secretariat"],
  },
  // The action register (A-9001 is owned by ESA; the matrix's chair chairs no group), the personal
  // calendar feed, group workplans, and the write API for meetings, actions and workplans.
  { method: "GET", path: "/private/actions", allowed: signedIn },
  { method: "GET", path: "/private/actions/new", allowed: ["chair", "secretariat"] },
  { method: "POST", path: "/private/actions/new", body: newAction, allowed: ["secretariat"] },
  { method: "GET", path: "/private/actions/9001", allowed: signedIn },
  {
    method: "POST",
    path: "/private/actions/9001/status",
    body: { status: "in_progress", note: "Matrix update." },
    allowed: ["focalPoint", "secretariat"],
  },
  { method: "GET", path: "/private/actions/9001/edit", allowed: ["secretariat"] },
  { method: "POST", path: "/private/actions/9001/edit", body: newAction, allowed: ["secretariat"] },
  { method: "GET", path: "/private/calendar", allowed: signedIn },
  { method: "POST", path: "/private/calendar", allowed: signedIn },
  { method: "GET", path: "/private/calendar/revoke", allowed: signedIn },
  { method: "POST", path: "/private/calendar/revoke", allowed: signedIn },
  { method: "GET", path: "/private/groups/:group/workplan", allowed: ["secretariat"] },
  { method: "POST", path: "/private/groups/:group/workplan", body: newDeliverable, allowed: ["secretariat"] },
  { method: "GET", path: "/private/groups/:group/workplan/:deliverable", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/groups/:group/workplan/:deliverable",
    body: newDeliverable,
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/private/groups/:group/outlook",
    body: { year: "2031", body: "The matrix outlook for the year." },
    allowed: ["secretariat"],
  },
  { method: "POST", path: "/api/v1/meetings", api: true, body: newMeeting, allowed: ["secretariat"] },
  {
    method: "PATCH",
    path: "/api/v1/meetings/2023-songdo",
    api: true,
    body: { place: "Incheon" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/api/v1/actions", api: true, allowed: signedIn },
  { method: "GET", path: "/api/v1/actions/9001", api: true, allowed: signedIn },
  { method: "POST", path: "/api/v1/actions", api: true, body: newAction, allowed: ["secretariat"] },
  {
    method: "PATCH",
    path: "/api/v1/actions/9001",
    api: true,
    body: { title: "Renamed" },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/actions/9001/updates",
    api: true,
    body: { status: "in_progress" },
    allowed: ["focalPoint", "secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/groups/:group/workplan",
    api: true,
    body: newDeliverable,
    allowed: ["secretariat"],
  },
  {
    method: "PATCH",
    path: "/api/v1/groups/:group/workplan/:deliverable",
    api: true,
    body: { status: "done" },
    allowed: ["secretariat"],
  },
  {
    method: "PUT",
    path: "/api/v1/groups/:group/outlooks/2031",
    api: true,
    body: { body: "The matrix outlook for the year." },
    allowed: ["secretariat"],
  },
  // Public input (issue 15): a message forwarded to ESA only; JAXA's and NASA's people never read it.
  { method: "GET", path: "/private/inbox", allowed: signedIn },
  { method: "GET", path: "/private/inbox.csv", allowed: ["secretariat"] },
  { method: "GET", path: "/private/inbox/settings", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/inbox/settings",
    body: { topics: "Roadmap\nOther", retentionDays: "365", reminderDays: "10" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/inbox/:input", allowed: ["member", "focalPoint", "secretariat"] },
  {
    method: "GET",
    path: "/private/inbox/:input/files/:inputFile",
    allowed: ["member", "focalPoint", "secretariat"],
  },
  { method: "POST", path: "/private/inbox/:input/forwarding", body: {}, allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/inbox/:input/answer",
    body: { answer: "Thank you." },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/private/inbox/:input/question",
    body: { question: "Which TRL?" },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/private/inbox/:input/closure",
    body: { status: "out_of_scope" },
    allowed: ["secretariat"],
  },
  { method: "POST", path: "/private/inbox/:input/tags", body: { tags: "matrix" }, allowed: ["secretariat"] },
  { method: "GET", path: "/private/inbox/:input/merge?into=:inputOther", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/inbox/:input/merge",
    body: { into: ":inputOther" },
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/private/inbox/:input/receipt",
    body: { step: "read" },
    allowed: ["member", "focalPoint"],
  },
  {
    method: "POST",
    path: "/private/inbox/:input/interest",
    body: { interest: "interested" },
    allowed: ["focalPoint"],
  },
  {
    method: "POST",
    path: "/private/inbox/:input/replies",
    body: { reply: "ESA's view." },
    allowed: ["focalPoint"],
  },
  { method: "GET", path: "/api/v1/inbox", api: true, allowed: signedIn },
  { method: "GET", path: "/api/v1/inbox/counts/2026", api: true, allowed: ["secretariat"] },
  {
    method: "GET",
    path: "/api/v1/inbox/:inputRef",
    api: true,
    allowed: ["member", "focalPoint", "secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/inbox/:inputRef/forwarding",
    api: true,
    body: {},
    allowed: ["secretariat"],
  },
  {
    method: "POST",
    path: "/api/v1/inbox/:inputRef/acknowledgement",
    api: true,
    body: {},
    allowed: ["member", "focalPoint"],
  },
  {
    method: "POST",
    path: "/api/v1/inbox/:inputRef/replies",
    api: true,
    body: { text: "ESA's view." },
    allowed: ["focalPoint"],
  },
  { method: "GET", path: "/private/reports", allowed: signedIn },
  { method: "POST", path: "/private/reports", body: { year: "2030" }, allowed: ["secretariat"] },
  { method: "GET", path: "/private/reports/2024", allowed: ["chair", "secretariat"] },
  {
    method: "POST",
    path: "/private/reports/2024/settings",
    body: { membersAsOf: "2024-12-31", majorDocuments: "", omitPublications: "" },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/reports/2024/parts/highlights/edit", allowed: ["secretariat"] },
  {
    method: "POST",
    path: "/private/reports/2024/parts/highlights/edit",
    body: { body: "Matrix highlights." },
    allowed: ["secretariat"],
  },
  { method: "GET", path: "/private/reports/2024/compare", allowed: ["chair", "secretariat"] },
  { method: "GET", path: "/private/reports/2024/publish", allowed: ["secretariat"] },
  { method: "POST", path: "/private/reports/2024/publish", allowed: ["secretariat"] },
];

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

const cases = routes.flatMap((r) => everyone.map((who) => ({ ...r, who })));

describe("access matrix: every protected route, every role, signed out, and the wrong agency", () => {
  it.each(cases)("$method $path as $who", async ({ method, path, body, api, allowed, who }) => {
    const actors = await matrixActors(t.deps);
    const subject = await makePerson(t.deps, ["member"], "ESA");
    const [term] = await t.deps.db.select().from(chairTerms).limit(1);
    const [news] = await t.deps.db.select().from(newsArticles).limit(1);
    const [faq] = await t.deps.db.select().from(faqQuestions).limit(1);
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
      .replace(":siterev", siteRevision)
      .replace(":person", String(subject.id))
      .replace(":chair", String(term!.id))
      .replace(":article", String(news!.id))
      .replace(":faq", String(faq!.id))
      .replace(":capability", path.includes(":capability") ? await makeMatrixCapability(t.deps) : "0")
      .replace(":need", path.includes(":need") ? await makeMatrixNeed(t.deps) : "0");
    // A group with a chair and a member agency in the dataset (SWG: DLR and CNES).
    const [gm] = await t.deps.db
      .select({ id: groupMemberships.id, chair: groupChairs.id, slug: workingGroups.slug })
      .from(groupMemberships)
      .innerJoin(workingGroups, eq(workingGroups.id, groupMemberships.groupId))
      .innerJoin(groupChairs, eq(groupChairs.groupId, workingGroups.id))
      .limit(1);
    const meetingIds = path.includes("matrix-meeting")
      ? await makeMatrixMeeting(t.deps, subject)
      : { item: "0", file: "0", registration: "0", session: "0" };
    const groupUrl = url
      .replace(":agendaItem", meetingIds.item)
      .replace(":agendaFile", meetingIds.file)
      .replace(":registration", meetingIds.registration)
      .replace(":session", meetingIds.session)
      .replace(":group", gm!.slug)
      .replace(":membership", String(gm!.id))
      .replace(":gchair", String(gm!.chair))
      .replace(":token", path.includes(":token") ? await matrixToken(t.deps, actors.focalPoint) : "0")
      .replace(
        ":deliverable",
        path.includes(":deliverable") ? await makeMatrixDeliverable(t.deps, gm!.slug) : "0",
      );
    if (path.includes(`/actions/${MATRIX_ACTION}`)) await makeMatrixAction(t.deps);
    if (path.includes("matrix-product")) {
      await makeMatrixProduct(t.deps, actors.member, path.includes("/rounds/1"));
      if (path.includes("/versions/2/carried"))
        await addVersion(t.deps, systemActor("test"), "matrix-product", { body: V2 });
    }
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
      await addVersion(t.deps, systemActor("test"), "matrix-endorsable", { body: `${V1}\nMore.\n` });
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
    const input = path.includes(":input")
      ? await makeMatrixInput(t.deps)
      : { id: "0", reference: "IN-2000-0000", file: "0", other: "IN-2000-0000" };
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
      expect([200, 201, 204, 303], `${await res.clone().text()}`).toContain(res.status);
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
