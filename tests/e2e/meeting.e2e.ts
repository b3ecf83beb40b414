import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { makePdf } from "../support/pdf.js";
import { accounts, checkA11y, screenshot, signIn, usePlatform, visibleText } from "./support.js";

const platform = usePlatform();
const slug = "2030-03-10-sam-e2e";
const page$ = `/private/meetings/${slug}`;

/** Plans a SAM meeting through the form, by label. */
async function planMeeting(page: Page, title: string, day: string) {
  await page.goto("/private/meetings/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Kind").selectOption("sam_meeting");
  await page.getByLabel("Starts").fill(`${day}T09:00`);
  await page.getByLabel("Ends").fill(`${day}T17:00`);
  await page.getByLabel("Time zone").fill("Europe/Paris");
  await page.getByLabel("Mode").selectOption("hybrid");
  await page.getByLabel("Video link").fill("https://video.example.org/sam-e2e");
  await page.getByRole("button", { name: "Plan meeting" }).click();
  await page.waitForURL(`**/meetings/${day}-*`);
}

/** Registers the signed-in person for the meeting. */
async function register(page: Page, how: "in_person" | "virtual") {
  await page.goto(page$);
  await page.getByLabel("I will attend").selectOption(how);
  await page.getByRole("button", { name: "Register" }).click();
  await page.waitForURL(`**${page$}?done=registered*`);
  expect(await visibleText(page.locator("#registration ~ p").first())).toContain("You are registered");
}

describe("preparing a SAM meeting end to end", () => {
  it("agenda with a file, two agencies register, attendance, a decision and minutes approved later", async () => {
    const sec = (await platform.open()).page;
    await signIn(sec, accounts.secretariat);
    await planMeeting(sec, "SAM E2E", "2030-03-10");
    await planMeeting(sec, "SAM E2E follow-up", "2030-09-10");

    await sec.goto(page$);
    await sec.getByRole("link", { name: "Add an agenda item" }).click();
    await sec.getByLabel("Title").fill("ESA exploration strategy");
    await sec.getByLabel("Start time").fill("09:30");
    await sec.getByLabel("Presenting agency").selectOption("ESA");
    await sec.getByRole("button", { name: "Add item" }).click();
    await sec.waitForURL("**/agenda/*?done=added");
    await sec.getByLabel("Presentation or document").setInputFiles({
      name: "esa-strategy.pdf",
      mimeType: "application/pdf",
      buffer: await makePdf(["ESA strategy"]),
    });
    await sec.getByRole("button", { name: "Upload" }).click();
    await sec.waitForURL("**/agenda/*?done=file");
    expect(await sec.getByRole("link", { name: "esa-strategy.pdf", exact: true }).count()).toBe(1);

    for (const [who, how] of [
      [accounts.focalPoint, "in_person"],
      [accounts.member, "virtual"],
    ] as const) {
      const { context, page } = await platform.open();
      await signIn(page, who);
      await register(page, how);
      expect(await page.getByRole("link", { name: "Join the video call" }).count()).toBe(1);
      expect(await page.getByRole("link", { name: "esa-strategy.pdf", exact: true }).count()).toBe(1);
      await context.close();
    }

    await sec.goto(`${page$}/registrations`);
    await sec.getByLabel(accounts.focalPoint.name).check();
    await sec.getByLabel(accounts.member.name).check();
    await sec.getByRole("button", { name: "Save who attended" }).click();
    await sec.waitForURL(`**${page$}?done=attended*`);
    expect(await visibleText(sec.locator("#attendance + p"))).toContain("2 agencies attended: ESA, JAXA");

    await sec.getByRole("link", { name: "Record a decision" }).click();
    await sec.getByLabel("Decision").fill("The managers endorse the roadmap supplement.");
    await sec.getByRole("button", { name: "Save decision" }).click();
    await sec.waitForURL(`**${page$}?done=decision*`);

    await sec.getByRole("link", { name: "Write the minutes" }).click();
    await sec.getByLabel("Minutes").fill("## Opening\n\nThe host opened the meeting.");
    await sec.getByRole("button", { name: "Save as a new version" }).click();
    await sec.waitForURL(`**${page$}?done=minutes*`);
    await sec.getByRole("link", { name: "Record their approval" }).click();
    await sec.getByLabel("Approved at").selectOption("2030-09-10-sam-e2e-follow-up");
    await sec.getByRole("button", { name: "Record the approval" }).click();
    await sec.waitForURL(`**${page$}?done=approved*`);
    const minutes = await visibleText(sec.locator("section[aria-labelledby=minutes]"));
    expect(minutes).toContain("Approved at SAM E2E follow-up");
    expect(await visibleText(sec.locator("section[aria-labelledby=decisions]"))).toContain("D1");
    await checkA11y(sec, "private meeting page");
    await screenshot(sec, "private-meeting");

    // Visitors see the public page without any of it.
    const visitor = (await platform.open()).page;
    await visitor.goto(`/meetings/${slug}`);
    const text = await visibleText(visitor.locator("main"));
    for (const secret of ["ESA exploration strategy", "video call", "Opening", accounts.member.name])
      expect(text).not.toContain(secret);
  }, 180_000);
});
