import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { makePdf } from "../support/pdf.js";
import {
  accounts,
  checkA11y,
  screenshot,
  signIn,
  usePlatform,
  visibleText,
  waitForMails,
} from "./support.js";

const platform = usePlatform();

const sender = "e2e-researcher@example.edu";

async function signedIn(who: { email: string; password: string }): Promise<Page> {
  const { page } = await platform.open();
  await signIn(page, who);
  return page;
}

async function openMessage(page: Page, reference: string) {
  await page.goto("/private/inbox");
  await page.getByRole("link", { name: reference }).click();
  await page.waitForURL(/\/private\/inbox\/\d+$/);
}

describe("public input", () => {
  it("goes from the form to a confirmed message, triage, every agency, acknowledgements and a reply, and back to the sender", async () => {
    // A researcher writes from the contact form on a phone, with a PDF.
    const visitor = (await platform.open({ viewport: { width: 360, height: 780 } })).page;
    await visitor.goto("/");
    await visitor.getByRole("link", { name: "Write to the secretariat" }).click();
    await visitor.waitForURL("**/contact");
    await checkA11y(visitor, "contact form");
    await visitor.getByLabel("Your name").fill("Erin Researcher");
    await visitor.getByLabel("Your e-mail address").fill(sender);
    await visitor.getByLabel("Organisation (optional)").fill("Example University");
    await visitor.getByLabel("You write as").selectOption("university");
    await visitor.getByLabel("Country (optional)").fill("Portugal");
    await visitor.getByLabel("Topic").selectOption("Technology");
    await visitor.getByLabel("Subject").fill("Regolith handling <b>results</b>");
    await visitor
      .getByLabel("Your message")
      .fill("We tested **regolith** handling.\n\n- Sieving\n- Transport");
    await visitor.locator("#f-attachments").setInputFiles({
      name: "results.pdf",
      mimeType: "application/pdf",
      buffer: await makePdf(["Regolith results"]),
    });
    await visitor.getByLabel(/I agree that the secretariat passes my message/).check();
    await screenshot(visitor, "contact-form");
    // The form refuses what a person fills in faster than this (robots); a person takes longer.
    await visitor.waitForTimeout(3_100);
    await visitor.getByRole("button", { name: "Send to the secretariat" }).click();
    await visitor.waitForURL("**/contact?done=sent");
    expect(await visibleText(visitor.locator(".notice"))).toContain("follow it within 7 days");

    // The confirmation link arrives by mail; following it gives the reference.
    const [confirmation] = await waitForMails(
      platform.dataDir,
      (eml) => eml.includes(`To: ${sender}`) && eml.includes("Subject: Confirm your message"),
    );
    const link = confirmation?.match(/https?:\/\/\S+\/contact\/confirm\?token=[^\s"<]+/)?.[0];
    expect(link, "the confirmation mail holds a link").toBeTruthy();
    await visitor.goto(link ?? "");
    await visitor.getByRole("button", { name: "Confirm and send my message" }).click();
    await visitor.waitForURL(/\/contact\/status\?token=.*done=confirmed/);
    const statusUrl = visitor.url().replace(/&done=confirmed$/, "");
    const reference = (await visibleText(visitor.locator("h1"))).trim();
    expect(reference).toMatch(/^IN-\d{4}-\d{4}$/);
    await checkA11y(visitor, "sender's status page");
    const [ack] = await waitForMails(
      platform.dataDir,
      (eml) => eml.includes(`To: ${sender}`) && eml.includes(`(${reference})`),
    );
    expect(ack).toContain("/contact/status?token=");

    // The secretariat finds it and forwards it to every member agency.
    const sec = await signedIn(accounts.secretariat);
    await sec.goto("/private/inbox");
    expect(await visibleText(sec.locator("main"))).toContain("1 message.");
    await checkA11y(sec, "the secretariat's inbox");
    await screenshot(sec, "inbox-triage");
    await openMessage(sec, reference);
    expect(await visibleText(sec.locator("main"))).toContain("Regolith handling <b>results</b>");
    await checkA11y(sec, "triage of a message");
    await sec.getByRole("button", { name: "Forward", exact: true }).click();
    await sec.waitForURL(/done=forwarded/);
    expect(await visibleText(sec.locator("main"))).toContain("Forwarded to 27 agencies");
    await visitor.goto(statusUrl);
    expect(await visibleText(visitor.locator("main"))).toContain("Forwarded to the member agencies on");

    // Each agency's focal point is mailed once.
    const forwarded = await waitForMails(
      platform.dataDir,
      (eml) => eml.includes(`To: ${accounts.focalPoint.email}`) && eml.includes(`Public input ${reference}`),
    );
    expect(forwarded).toHaveLength(1);

    // ESA and JAXA acknowledge; NASA replies to the secretariat.
    for (const who of [accounts.focalPoint, accounts.jaxaFocal]) {
      const page = await signedIn(who);
      await openMessage(page, reference);
      await page.getByRole("button", { name: "Acknowledge" }).click();
      await page.waitForURL(/done=acknowledge/);
    }
    const nasa = await signedIn(accounts.nasaFocal);
    await openMessage(nasa, reference);
    await checkA11y(nasa, "an agency's view of a message");
    await nasa
      .getByLabel("Reply to the secretariat")
      .fill("NASA would welcome a presentation of these results.");
    await nasa.getByRole("button", { name: "Send the reply" }).click();
    await nasa.waitForURL(/done=replied/);

    // ESA sees its inbox, never NASA's reply.
    const esa = await signedIn(accounts.focalPoint);
    await openMessage(esa, reference);
    expect(await visibleText(esa.locator("main"))).not.toContain("NASA would welcome");

    // The secretariat sees where every agency stands, and the reply; it answers the sender.
    await sec.reload();
    const main = await visibleText(sec.locator("main"));
    expect(main).toContain("3 acknowledged");
    expect(main).toContain("NASA would welcome a presentation of these results.");
    await screenshot(sec, "inbox-message-agencies");
    await sec.getByLabel("The consolidated answer").fill("NASA would like you to present your results.");
    await sec.getByRole("button", { name: "Send the answer" }).click();
    await sec.waitForURL(/done=answered/);

    // The sender's status page now says answered, with the answer and without agencies' notes.
    await visitor.goto(statusUrl);
    const status = await visibleText(visitor.locator("main"));
    expect(status).toContain("Answered on");
    expect(status).toContain("NASA would like you to present your results.");
    expect(status).not.toContain("NASA would welcome");
  }, 240_000);
});
