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

type Comment = { category: string; text: string; section?: string };

/** A focal point comments for their agency, submits the agency's comments and sets its position. */
async function review(
  page: Page,
  round: number,
  r: { comments?: Comment[]; position: string; rationale?: string; dependsOn?: string },
) {
  const R = `${P}/rounds/${round}`;
  for (const comment of r.comments ?? []) {
    await page.goto(`${R}/comments/new`);
    await page.getByLabel("Section").selectOption({ label: comment.section ?? "2.1 Landing sites" });
    await page.getByLabel("Category").selectOption(comment.category);
    await page.getByLabel("Comment", { exact: true }).fill(comment.text);
    await page.getByLabel("Proposed change: current text").fill("is preferred");
    await page.getByLabel("Proposed change: new text").fill('=HYPERLINK("x") & more');
    await submit(page);
    await page.waitForURL(/done=commented/);
  }
  if (r.comments?.length) {
    await page.goto(`${R}/submit`);
    await submit(page);
    await page.waitForURL(/done=submitted/);
  }
  await page.goto(`${R}/position`);
  await page.getByLabel("Position", { exact: true }).selectOption(r.position);
  if (r.rationale) await page.locator("#f-rationale").fill(r.rationale);
  if (r.dependsOn) await page.getByLabel("Comments it depends on").fill(r.dependsOn);
  await submit(page);
  await page.waitForURL(/done=position/);
}

/** The link texts of a home page list, in order. */
async function waitingList(page: Page, id: string): Promise<string[]> {
  await page.goto("/private");
  return page.locator(`section:has(#${id}) li > a`).allTextContents();
}

async function signedIn(who: { email: string; password: string }) {
  const { page } = await platform.open();
  await signIn(page, who);
  return page;
}

describe("a consensus product", () => {
  it("three agencies review, one non-concurs citing two comments, version 2 moves them, only that agency re-confirms, version 2 is endorsed with its hash", async () => {
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
    // ESA comments on the purpose and concurs; JAXA does not concur until its two comments on the
    // landing sites are resolved; NASA concurs without comments.
    await review(esa, 1, {
      comments: [{ category: "technical", text: "Say why the agencies write.", section: "1 Purpose" }],
      position: "concur",
    });
    await review(jaxa, 1, {
      comments: [
        { category: "major", text: "Landing sites must include Shackleton crater." },
        { category: "technical", text: "Name the landing sites." },
      ],
      position: "non_concur",
      rationale: "Shackleton crater is missing.",
      dependsOn: "2, 3",
    });
    await review(nasa, 1, { position: "concur" });

    // Every agency has answered: the editor closes the round, and the consensus panel names JAXA's cure.
    await closeNow(sec, 1);
    await sec.goto(`${P}/rounds/1`);
    const panel = sec.locator("section.consensus");
    expect(await visibleText(panel)).toContain("JAXA: non-concur until comments 2 and 3 are resolved");
    await checkA11y(sec, "round 1 with its consensus status");
    await screenshot(sec, "consensus-round-1");

    // The editor dispositions every comment.
    for (const [n, disposition, rationale] of [
      [1, "noted", ""],
      [2, "accepted_with_changes", "Shackleton crater added in version 2."],
      [3, "accepted", ""],
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
      ["ESA", "Technical", "Noted"],
      ["JAXA", "Major", "Accepted with changes"],
      ["JAXA", "Technical", "Accepted"],
    ]);
    expect(sheet.rows[2]?.[6]).toBe('=HYPERLINK("x") & more');
    expect(sheet.cells.some((c) => c.formula)).toBe(false);

    // JAXA accepts both dispositions.
    for (const n of [2, 3]) {
      await jaxa.goto(`${P}/rounds/1/comments/${n}/response`);
      await jaxa.getByLabel("Your agency's answer").selectOption("accepted");
      await submit(jaxa);
      await jaxa.waitForURL(/rounds\/1/);
    }

    // Version 2: JAXA's section changed, ESA's did not; the editor confirms each changed comment.
    await sec.goto(`${P}/versions/new`);
    await sec
      .getByLabel("Text (Markdown)")
      .fill(draft("The south polar region and Shackleton crater are preferred."));
    await submit(sec);
    await sec.waitForURL(/gateway-white-paper/);
    await sec.goto(`${P}/versions/2/carried`);
    const carried = await visibleText(sec.locator("main"));
    expect(carried).toMatch(/Comment 1 of round 1 \(ESA\) Unchanged/);
    expect(carried).toMatch(/Comment 2 of round 1 \(JAXA\) Text changed/);
    expect(carried).toContain("JAXA: the sections it commented on changed");
    for (let i = 0; i < 2; i++) {
      await sec.getByRole("button", { name: "Confirm: text changed" }).first().click();
      await sec.waitForURL(/done=confirmed/);
    }
    expect(await sec.getByText("Confirmed by the editors").count()).toBe(2);
    await checkA11y(sec, "comments carried to version 2");
    await screenshot(sec, "consensus-carried");

    // Round 2: ESA and NASA keep their positions; only JAXA is asked again, first on its home page.
    await openRound(sec, 2, 86_400);
    expect(await visibleText(sec.locator("main"))).toContain("kept from round 1");
    const jaxaAgain = await signedIn(accounts.jaxaFocal);
    expect((await waitingList(jaxaAgain, "waiting-mine"))[0]).toContain(
      "Re-confirm JAXA's position in round 2 of Gateway White Paper",
    );
    expect((await waitingList(esa, "waiting-mine")).join(" ")).not.toContain("round 2");
    await review(jaxaAgain, 2, { position: "concur" });
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
    const published = await visibleText(visitor.locator("main"));
    expect(published).toContain("The south polar region and Shackleton crater are preferred.");
    const hash = /Version 2, SHA-256 ([0-9a-f]{64})/.exec(published)?.[1];
    expect(hash).toBeDefined();

    // The consensus record names the same version and hash.
    await sec.goto(`${P}/record`);
    const record = await visibleText(sec.locator("main"));
    expect(record).toContain("Version 2");
    expect(record).toContain(hash!);

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
