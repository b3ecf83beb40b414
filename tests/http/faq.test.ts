import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { faqQuestions, faqSections } from "../../src/db/schema/index.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();

const isecgOrder = async () => {
  const [section] = await t.deps.db.select().from(faqSections).where(eq(faqSections.slug, "isecg"));
  return (
    await t.deps.db
      .select()
      .from(faqQuestions)
      .where(eq(faqQuestions.sectionId, section!.id))
      .orderBy(asc(faqQuestions.position), asc(faqQuestions.id))
  ).map((q) => q);
};

describe("the public FAQ", () => {
  it("shows both sections with an anchor per question and Markdown answers", async () => {
    const res = await t.app.request("/faq");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('id="isecg"');
    expect(html).toContain('id="global-exploration-roadmap"');
    expect(html).toContain('id="who-can-become-a-member"');
    expect(html).toContain('href="#who-can-become-a-member"');
    expect(html).toContain("<strong>International Space Exploration Coordination Group</strong>");
  });
});

describe("editing the FAQ", () => {
  it("moves a question up and down with plain form posts", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const before = await isecgOrder();
    const second = before[1]!;
    expect((await b.post(`/private/faq/${second.id}/move`, { direction: "up" })).status).toBe(303);
    const after = await isecgOrder();
    expect(after[0]!.id).toBe(second.id);
    expect(after[1]!.id).toBe(before[0]!.id);
    const html = await (await t.app.request("/faq")).text();
    expect(html.indexOf(`id="${second.slug}"`)).toBeLessThan(html.indexOf(`id="${before[0]!.slug}"`));
    // At the top, moving up changes nothing.
    await b.post(`/private/faq/${second.id}/move`, { direction: "up" });
    expect((await isecgOrder())[0]!.id).toBe(second.id);
    await b.post(`/private/faq/${second.id}/move`, { direction: "down" });
    expect((await isecgOrder()).map((q) => q.id)).toEqual(before.map((q) => q.id));
  });

  it("adds a question at the end of its section, escaping HTML in the answer", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const res = await b.post("/private/faq/new", {
      section: "isecg",
      question: "<script>x()</script> Can I visit?",
      answer: "Not *really*. <img src=x onerror=alert(1)>",
    });
    expect(res.status).toBe(303);
    const last = (await isecgOrder()).at(-1)!;
    expect(last.slug).toBe("script-x-script-can-i-visit");
    const html = await (await t.app.request("/faq")).text();
    expect(html).not.toContain("<script>x()</script>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("<em>really</em>");
  });

  it("refuses an empty answer and changes nothing", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const count = (await isecgOrder()).length;
    const res = await b.post("/private/faq/new", { section: "isecg", question: "Anything?", answer: "  " });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Enter the answer.");
    expect((await isecgOrder()).length).toBe(count);
  });

  it("edits and deletes a question after confirmation", async () => {
    const b = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const q = (await isecgOrder())[0]!;
    const edited = await b.post(`/private/faq/${q.id}/edit`, {
      section: "isecg",
      question: "What is ISECG short for?",
      answer: q.answer,
      slug: q.slug,
    });
    expect(edited.status).toBe(303);
    expect(await (await t.app.request("/faq")).text()).toContain("What is ISECG short for?");
    expect(await (await b.get(`/private/faq/${q.id}/delete`)).text()).toContain("Delete this question?");
    expect((await b.post(`/private/faq/${q.id}/delete`)).status).toBe(303);
    expect((await isecgOrder()).some((x) => x.id === q.id)).toBe(false);
  });
});
