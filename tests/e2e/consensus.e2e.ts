import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../support/xlsx.js";
import { accounts, checkA11y, screenshot, signIn, usePlatform, visibleText } from "./support.js";

const platform = usePlatform();
const P = "/private/products/gateway-white-paper";

const draft = (landing: string) => `The agencies' shared view of a lunar gateway.

# Purpose

Why the agencies write together.

# Lunar surface

## Landing sites

${landing}

# Budget

Costs stay with each agency.
`;

/** A deadline `seconds` ahead, in the form's minutes, in UTC. */
const deadlineIn = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString().slice(0, 16);

const submit = (page: Page) => page.locator("form.form button[type=submit]").first().click();

/** Every agency has answered, so the editor closes the round without waiting for its deadline. */
async function closeNow(page: Page, round: number) {
  await page.goto(`${P}/rounds/${round}/close`);
  await submit(page);
  await page.waitForURL(/done=closed/);
}

async function openRound(page: Page, version: number, seconds: number) {
  await page.goto(`${P}/rounds/new`);
  await page.getByLabel("Version under review").selectOption(String(version));
  await page.getByLabel("Deadline (date and time)").fill(deadlineIn(seconds));
  await page.getByLabel("Time zone").fill("UTC");
  await submit(page);
  await page.waitForURL(/\/rounds\/\d+\?done=opened/);
}

/** A focal point comments for their agency, submits the agency's comments and sets its position. */
async function review(
  page: Page,
  round: number,
  r: { comment?: { category: string; text: string }; position: string; rationale?: string },
) {
  const R = `${P}/rounds/${round}`;
  if (r.comment) {
    await page.goto(`${R}/comments/new`);
    await page.getByLabel("Section").selectOption({ label: "2.1 Landing sites" });
    await page.getByLabel("Category").selectOption(r.comment.category);
    await page.getByLabel("Comment", { exact: true }).fill(r.comment.text);
    await page.getByLabel("Proposed change: current text").fill("is preferred");
    await page.getByLabel("Proposed change: new text").fill('=HYPERLINK("x") & more');
    await submit(page);
    await page.waitForURL(/done=commented/);
    await page.goto(`${R}/submit`);
    await submit(page);
    await page.waitForURL(/done=submitted/);
  }
  await page.goto(`${R}/position`);
  await page.getByLabel("Position", { exact: true }).selectOption(r.position);
  if (r.rationale) await page.locator("#f-rationale").fill(r.rationale);
  await submit(page);
  await page.waitForURL(/done=position/);
}

async function signedIn(who: { email: string; password: string }) {
  const { page } = await platform.open();
  await signIn(page, who);
  return page;
}

describe("a consensus product", () => {
  it("three agencies review, one non-concurs, dispositions, a second round agrees, it is endorsed and published", async () => {
    const sec = await signedIn(accounts.secretariat);
    // The secretariat starts the product with ESA, JAXA and NASA, adds the draft, opens round 1.
    await sec.goto("/private/products/new");
    await sec.getByLabel("Title").fill("Gateway White Paper");
    await sec.getByLabel("Kind").selectOption("white_paper");
    await sec.getByLabel("Lead working group").selectOption({ index: 1 });
    for (const a of ["ESA", "JAXA", "NASA"]) await sec.getByLabel(a, { exact: true }).check();
    await submit(sec);
    await sec.waitForURL(`**${P}?done=created`);
    await sec.goto(`${P}/versions/new`);
    await sec.getByLabel("Text (Markdown)").fill(draft("The south polar region is preferred."));
    await submit(sec);
    await sec.waitForURL(/gateway-white-paper/);
    await openRound(sec, 1, 86_400);

    const esa = await signedIn(accounts.focalPoint);
    const jaxa = await signedIn(accounts.jaxaFocal);
    const nasa = await signedIn(accounts.nasaFocal);
    await review(esa, 1, {
      comment: { category: "technical", text: "Name the landing sites." },
      position: "concur",
    });
    await review(jaxa, 1, {
      comment: { category: "major", text: "Landing sites must include Shackleton crater." },
      position: "non_concur",
      rationale: "Shackleton crater is missing.",
    });
    await review(nasa, 1, {
      comment: { category: "editorial", text: "Typo in section 2.1." },
      position: "concur_with_comments",
    });

    // Every agency has answered: the editor closes the round, and the consensus panel names JAXA.
    await closeNow(sec, 1);
    await sec.goto(`${P}/rounds/1`);
    const panel = sec.locator("section.consensus");
    expect(await visibleText(panel)).toContain("JAXA does not concur: Shackleton crater is missing.");
    await checkA11y(sec, "round 1 with its consensus status");
    await screenshot(sec, "consensus-round-1");

    // The editor dispositions every comment.
    for (const [n, disposition, rationale] of [
      [1, "accepted", ""],
      [2, "accepted_with_changes", "Shackleton crater added in version 2."],
      [3, "noted", ""],
    ] as const) {
      await sec.goto(`${P}/rounds/1/comments/${n}/disposition`);
      await sec.getByLabel("Disposition", { exact: true }).selectOption(disposition);
      if (rationale) await sec.locator("#f-rationale").fill(rationale);
      await submit(sec);
      await sec.waitForURL(/done=disposition/);
    }

    // The matrix downloads as a spreadsheet and reads back.
    await sec.goto(`${P}/rounds/1`);
    const [download] = await Promise.all([
      sec.waitForEvent("download"),
      sec.getByRole("link", { name: "Comment resolution matrix (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("gateway-white-paper-round-1-comment-resolution.xlsx");
    const path = await download.path();
    const { sheet } = readXlsx(new Uint8Array(readFileSync(path)));
    expect(sheet.rows[0]?.slice(0, 4)).toEqual(["No.", "Agency", "Section", "Category"]);
    expect(sheet.rows.slice(1).map((r) => [r[1], r[3], r[7]])).toEqual([
      ["ESA", "Technical", "Accepted"],
      ["JAXA", "Major", "Accepted with changes"],
      ["NASA", "Editorial", "Noted"],
    ]);
    expect(sheet.rows[2]?.[6]).toBe('=HYPERLINK("x") & more');
    expect(sheet.cells.some((c) => c.formula)).toBe(false);

    // Version 2 and round 2: every agency concurs now.
    await sec.goto(`${P}/versions/new`);
    await sec
      .getByLabel("Text (Markdown)")
      .fill(draft("The south polar region and Shackleton crater are preferred."));
    await submit(sec);
    await sec.waitForURL(/gateway-white-paper/);
    await openRound(sec, 2, 86_400);
    await review(esa, 2, { position: "concur" });
    await review(jaxa, 2, { position: "concur" });
    await review(nasa, 2, { position: "concur" });
    await closeNow(sec, 2);
    await sec.goto(`${P}/rounds/2`);
    expect(await visibleText(sec.locator("section.consensus"))).toContain("Ready");

    // A SAM meeting decides; the secretariat endorses and publishes with a news item.
    await sec.goto("/private/meetings/2023-songdo/decisions/new");
    await sec.getByLabel("Decision").fill("The Senior Agency Managers endorse the Gateway White Paper.");
    await sec.getByRole("button", { name: "Save decision" }).click();
    await sec.waitForURL(/\/private\/meetings\/2023-songdo/);
    await sec.goto(`${P}/endorsement`);
    await checkA11y(sec, "endorsement form");
    await screenshot(sec, "consensus-endorsement");
    const decision = sec.locator("#f-decision option", { hasText: "Gateway White Paper" });
    await sec
      .getByLabel("Endorsing decision of a SAM meeting")
      .selectOption((await decision.getAttribute("value")) ?? "");
    await sec
      .getByLabel("Description")
      .fill("The agencies' shared view of a lunar gateway, endorsed by the SAM.");
    await sec.getByLabel("News item").selectOption("published");
    await sec.getByLabel("News summary").fill("The forum published the Gateway White Paper.");
    await sec.getByRole("button", { name: "Endorse and publish" }).click();
    await sec.waitForURL(`**${P}?done=published`);
    expect(await visibleText(sec.locator("main"))).toContain("Endorsed and published");

    // The public library shows it at once, with the agreed text.
    const visitor = (await platform.open()).page;
    await visitor.goto("/publications");
    await visitor.getByRole("link", { name: "Gateway White Paper" }).first().click();
    expect(await visibleText(visitor.locator("main"))).toContain(
      "The south polar region and Shackleton crater are preferred.",
    );

    // The history tells every step.
    await sec.goto(`${P}/history`);
    const history = await visibleText(sec.locator("main"));
    for (const step of [
      "Started the product",
      "Opened review round 2",
      "position in round 1",
      "Endorsed version 2 of Gateway White Paper",
      "Published Gateway White Paper",
    ]) {
      expect(history).toContain(step);
    }
    await checkA11y(sec, "history");
    await screenshot(sec, "consensus-history");
  }, 240_000);
});
