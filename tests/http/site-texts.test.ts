import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, forumRevisions, forumSettings } from "../../src/db/schema/index.js";
import { siteTextsValues } from "../../src/features/site/texts.schemas.js";
import { loadForum } from "../../src/web/forum.js";
import { publicSections } from "../../src/web/nav.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

const secretariat = async () => browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));

/** The editor's fields as the form shows them now, with some changed. */
async function form(changes: Record<string, string>) {
  const values = siteTextsValues(await loadForum(t.deps));
  return { ...(values as Record<string, string>), ...changes };
}

const storedForum = async () =>
  (await t.deps.db.select().from(forumSettings).where(eq(forumSettings.key, "forum")))[0]!.value;
const mainNav = (html: string) => {
  const start = html.indexOf('aria-label="Main"');
  return html.slice(start, html.indexOf("</nav>", start));
};

describe("editing the site's texts", () => {
  it("publishes a new Home introduction that visitors see at once, and keeps both versions", async () => {
    expect(await (await t.app.request("/")).text()).not.toContain("A new introduction");
    const b = await secretariat();
    const res = await b.post(
      "/private/site",
      await form({ "home.intro": "A new introduction.", action: "publish" }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/private/site?done=published");
    expect(await (await t.app.request("/")).text()).toContain("A new introduction.");
    const revisions = await t.deps.db.select().from(forumRevisions);
    expect(revisions.map((r) => r.authorName)).toEqual(["dataset", expect.not.stringMatching("dataset")]);
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, "site_texts.publish"));
    expect(entry?.details).toEqual({ changed: ["Home"] });
  });

  it("previews on the server without changing the site", async () => {
    const before = await storedForum();
    const res = await (await secretariat()).post(
      "/private/site",
      await form({ "about.purpose": "We **coordinate**.", action: "preview" }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Preview (not saved yet)");
    expect(html).toContain("We <strong>coordinate</strong>.");
    expect(await storedForum()).toEqual(before);
  });

  it("keeps a draft apart from the site until it is published", async () => {
    const b = await secretariat();
    await b.post("/private/site", await form({ "home.intro": "Draft words.", action: "draft" }));
    expect(await (await t.app.request("/")).text()).not.toContain("Draft words.");
    const editor = await (await b.get("/private/site")).text();
    expect(editor).toContain("You are editing a draft saved");
    expect(editor).toContain("Draft words.");
    await b.post("/private/site/draft/discard", {});
    const after = await (await b.get("/private/site?done=discarded")).text();
    expect(after).not.toContain("Draft words.");
    expect(after).toContain("The draft was discarded.");
  });

  it("never overwrites the secretariat's contact changed after the draft was saved", async () => {
    const b = await secretariat();
    await b.post("/private/site", await form({ "home.intro": "Draft words.", action: "draft" }));
    const contact = {
      name: "New Secretariat",
      hostAcronym: "",
      address: "",
      email: "new@example.org",
      note: "",
    };
    expect((await b.post("/private/settings", contact)).status).toBe(303);
    const draft = siteTextsValues(await draftForum());
    await b.post("/private/site", { ...(draft as Record<string, string>), action: "publish" });
    const home = await (await t.app.request("/")).text();
    expect(home).toContain("Draft words.");
    expect(home).toContain("new@example.org");
  });

  it("reorders and renames the main navigation; a blank label gives back the built-in one", async () => {
    const about = publicSections.findIndex((s) => s.href === "/about");
    const faq = publicSections.findIndex((s) => s.href === "/faq");
    await (await secretariat()).post(
      "/private/site",
      await form({
        [`nav.${faq}.position`]: "2",
        [`nav.${faq}.label`]: "Questions",
        [`nav.${about}.position`]: "3",
        [`nav.${about}.label`]: "",
        action: "publish",
      }),
    );
    const nav = mainNav(await (await t.app.request("/news")).text());
    expect(nav.indexOf(">Questions</a>")).toBeGreaterThan(nav.indexOf(">Home</a>"));
    expect(nav.indexOf(">Questions</a>")).toBeLessThan(nav.indexOf(">About</a>"));
    expect(nav).not.toContain(">FAQ</a>");
  });

  it("refuses bad input with a message beside the field and changes nothing", async () => {
    const before = await storedForum();
    const res = await (await secretariat()).post(
      "/private/site",
      await form({
        name: "",
        "home.highlights.0.title": "",
        "home.highlights.0.text": "Text without a title",
        "nav.0.position": "99",
        action: "publish",
      }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Enter the forum&#39;s name.");
    expect(html).toContain("Give this highlight a title.");
    expect(html).toContain(`Enter a number from 1 to ${publicSections.length}.`);
    expect(await storedForum()).toEqual(before);
  });

  it("loads an earlier version into the draft, and publishing it puts its words back", async () => {
    const b = await secretariat();
    const original = (await loadForum(t.deps)).home.intro;
    await b.post("/private/site", await form({ "home.intro": "Second words.", action: "publish" }));
    const [dataset] = await t.deps.db
      .select()
      .from(forumRevisions)
      .where(eq(forumRevisions.authorName, "dataset"));
    expect((await b.get(`/private/site/revisions/${dataset!.id}/restore`)).status).toBe(200);
    await b.post(`/private/site/revisions/${dataset!.id}/restore`, {});
    expect(await (await t.app.request("/")).text()).toContain("Second words.");
    await b.post("/private/site", {
      ...(siteTextsValues(await draftForum()) as Record<string, string>),
      action: "publish",
    });
    expect(await (await t.app.request("/")).text()).toContain(original);
  });

  it("does not let a focal point change the texts", async () => {
    const before = await storedForum();
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    const res = await b.post("/private/site", await form({ "home.intro": "Hijacked.", action: "publish" }));
    expect(res.status).toBe(403);
    expect(await storedForum()).toEqual(before);
  });
});

async function draftForum() {
  const [row] = await t.deps.db.select().from(forumSettings).where(eq(forumSettings.key, "forum_draft"));
  return row!.value as Parameters<typeof siteTextsValues>[0];
}
