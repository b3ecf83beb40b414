import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  accounts,
  checkA11y,
  outboxMails,
  screenshot,
  signIn,
  usePlatform,
  visibleText,
  waitForMails,
} from "./support.js";

const platform = usePlatform();

const h1 = (page: Page) => visibleText(page.locator("h1").first());

const article = {
  title: "End-to-end rover reaches the test crater",
  place: "Testland",
  summary: "A rover that exists only in the end-to-end tests reached its crater.",
  body: "The rover drove **three kilometres**.\n\n## What comes next\n\n- Sample the rim\n- Drive home",
};
const subscriber = "e2e-reader@example.org";

describe("a secretariat member", () => {
  it("writes, previews, saves and publishes an article; it reaches Home, /news, the feed and subscribers", async () => {
    // A visitor subscribes to the news and confirms with the link from the mail.
    const visitor = (await platform.open()).page;
    await visitor.goto("/news/subscribe");
    await visitor.getByLabel("Your e-mail address").fill(subscriber);
    await visitor.getByRole("button", { name: "Subscribe", exact: true }).click();
    await visitor.waitForURL("**/news/subscribe?done=sent");
    const [confirmation] = await waitForMails(
      platform.dataDir,
      (eml) => eml.includes(`To: ${subscriber}`) && eml.includes("Subject: Confirm your subscription"),
    );
    const link = confirmation?.match(/https?:\/\/\S+\/news\/subscribe\/confirm\?token=[^\s"<]+/)?.[0];
    expect(link, "the confirmation mail holds a link").toBeTruthy();
    await visitor.goto(link ?? "");
    await visitor.getByRole("button", { name: "Confirm my subscription" }).click();
    await visitor.waitForURL("**/news/subscribe?done=confirmed");

    const { page } = await platform.open();
    await signIn(page, accounts.secretariat);
    await page.goto("/private/news");
    await page.getByRole("link", { name: "Write an article" }).click();
    await page.waitForURL("**/private/news/new");
    expect(await h1(page)).toBe("Write an article");

    // Without a title the form comes back with a summary and an inline error, keeping the rest.
    await page.getByLabel("Place").fill(article.place);
    await page.getByLabel("Summary").fill(article.summary);
    await page.getByLabel("Text", { exact: true }).fill(article.body);
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.waitForLoadState();
    const summary = page.locator(".error-summary");
    expect(await summary.getAttribute("role")).toBe("alert");
    expect(await visibleText(summary)).toContain("Enter a title");
    expect(await page.getByLabel("Title", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Summary").inputValue()).toBe(article.summary);
    await checkA11y(page, "news form with an error");

    await page.getByLabel("Title", { exact: true }).fill(article.title);
    // The date defaults to today, so the article is the newest one: Home's lead.
    const today = await page.getByLabel("Date of the news or event").inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByRole("button", { name: "Preview" }).click();
    await page.waitForLoadState();
    const preview = page.locator(".article-preview");
    expect(await visibleText(preview.getByRole("heading", { level: 2 }).first())).toBe(article.title);
    expect(await visibleText(preview.locator("strong"))).toBe("three kilometres");
    expect(await visibleText(preview.getByRole("heading", { name: "What comes next" }))).toBe(
      "What comes next",
    );
    expect(await visibleText(preview)).toContain(article.place);
    await screenshot(page, "news-preview");

    await page.getByRole("button", { name: "Save draft" }).click();
    await page.waitForURL("**/private/news/*/edit?done=created");
    expect(await visibleText(page.getByRole("status").first())).toContain("The draft was saved.");
    const articlePath = await page.getByRole("link", { name: "Preview on the site" }).getAttribute("href");
    expect(articlePath).toMatch(/^\/news\/[a-z0-9-]+$/);
    const path = articlePath ?? "";

    // A draft does not exist for a visitor.
    expect((await visitor.goto(path))?.status()).toBe(404);

    await page.getByRole("button", { name: "Publish now" }).click();
    await page.waitForURL("**/private/news/*/edit?done=published");
    expect(await visibleText(page.getByRole("status").first())).toContain("The article is published.");

    // The visitor now reads it.
    expect((await visitor.goto(path))?.status()).toBe(200);
    expect(await h1(visitor)).toBe(article.title);
    expect(await visibleText(visitor.locator(".lead"))).toBe(article.summary);
    expect(await visibleText(visitor.locator(".prose strong"))).toBe("three kilometres");
    await checkA11y(visitor, "the new article's page");
    await screenshot(visitor, "news-article");

    // Home leads with it; /news lists it; the Atom feed carries it.
    await visitor.goto("/");
    const lead = visitor.locator("section", { has: visitor.getByRole("heading", { name: "Latest news" }) });
    expect(await visibleText(lead.getByRole("heading", { level: 3 }).first())).toBe(article.title);
    await visitor.goto("/news");
    expect(await visibleText(visitor.locator(".news-item h2").first())).toBe(article.title);
    const feed = await visitor.request.get("/feeds/news.atom");
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain(`<title>${article.title}</title>`);

    // Exactly one news mail for the article goes to the subscriber.
    const isArticleMail = (eml: string) =>
      eml.includes(`To: ${subscriber}`) && eml.includes(`Subject: ${article.title}`);
    await waitForMails(platform.dataDir, isArticleMail);
    const mails = outboxMails(platform.dataDir).filter(isArticleMail);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain(`${platform.baseUrl}${path}`);
  });
});
