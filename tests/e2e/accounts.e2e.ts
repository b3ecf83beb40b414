import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOidcProvider, type TestOidcProvider } from "../support/oidc.js";
import { parseMail, type Received, startSmtp } from "../support/smtp.js";
import { launchChromium, openContext } from "./chromium.js";
import { checkA11y, expectNoSideScroll, freshTotpCode, signIn, viewports } from "./support.js";

/**
 * Onboarding as a new secretariat meets it: `npm start` on an empty directory, the setup address
 * read from the log, invitations by mail (a real SMTP server), an authenticator app switched on, a
 * forgotten password reset by mail, "Sign in with ESA" against a real OpenID provider, and an
 * attacker's wrong passwords from elsewhere that do not lock the real person out.
 */
const password = {
  secretariat: "secretariat-long-password",
  focal: "focal-point-long-password",
  colleague: "colleague-long-password",
  reset: "a-brand-new-long-password",
};

let server: ChildProcess;
let baseUrl = "";
let setupUrl = "";
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let idp: TestOidcProvider;
/** Erin's authenticator app: the key she typed in when she switched two-factor sign-in on. */
let erinTotp = "";
const dataDir = mkdtempSync(join(tmpdir(), "isecg-e2e-accounts-"));
let browser: Browser | undefined;

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => ok(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts the platform as `npm start` does and resolves with the setup address it logs. */
function startPlatform(port: number): Promise<string> {
  server = spawn(process.execPath, ["bin/isecg.js", "serve"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      BASE_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: smtp.url,
      MAIL_FROM: "Forum Secretariat <secretariat@forum.example>",
      // The attacker below speaks through a proxy header; the browser does not send one.
      TRUST_PROXY: "1",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((ok, fail) => {
    let log = "";
    server.stdout!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      const found = /"url":"(http[^"]+\/setup\/[^"]+)"/.exec(log);
      if (found) ok(found[1]!);
    });
    server.stderr!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
    });
    server.once("exit", (code) => fail(new Error(`the platform exited with ${code}:\n${log}`)));
  });
}

/** Switches on an authenticator app from the two-factor page: reads the key as a person types it in. */
async function enrolAuthenticator(page: Page, email: string): Promise<string> {
  await page.goto("/private/account/two-factor/app");
  await checkA11y(page, "set up an authenticator app");
  const secret = (await page.locator(".totp-secret").innerText()).replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill(await freshTotpCode(email, secret));
  await page.getByRole("button", { name: "Switch on" }).click();
  expect(await h1(page)).toBe("Your recovery codes");
  expect(await page.locator(".recovery-codes li").count()).toBe(10);
  await page.getByRole("link", { name: "I have kept them" }).click();
  return secret;
}

const h1 = (page: Page) => page.getByRole("heading", { level: 1 }).innerText();

/** A new window as a new person, on the browser this file started. */
async function open(): Promise<Page> {
  browser ??= await launchChromium();
  return (await openContext(browser, { baseURL: baseUrl })).page;
}

/** The last mail to `to` whose subject matches, waiting for the outbox worker to send it. */
async function mailTo(to: string, subject: RegExp): Promise<{ text: string; link: string }> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = smtp.received.filter((m: Received) => m.to.includes(to)).map((m) => parseMail(m.raw));
    const mail = found.reverse().find((m) => subject.test(m.headers.subject ?? ""));
    if (mail) {
      const link = /https?:\/\/\S+\/(invitation|reset)\/[\w-]+/.exec(mail.text)?.[0];
      return { text: mail.text, link: link ? new URL(link).pathname : "" };
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  smtp = await startSmtp();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  setupUrl = await startPlatform(port);
  idp = await startOidcProvider(`${baseUrl}/sign-in/sso/callback`);
  idp.users.set("esa-erin", {
    sub: "esa-erin",
    email: "erin@esa.example",
    email_verified: true,
    name: "Erin Focal",
  });
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  server?.kill("SIGTERM");
  await new Promise((r) => (server?.exitCode === null ? server.once("exit", r) : r(null)));
  await smtp?.stop();
  await idp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("accounts for 27 agencies", () => {
  it("setup from the log, an invited focal point with an authenticator app, a colleague they invite, a reset by mail, and Sign in with ESA", async () => {
    // The operator opens the address from the log and creates the secretariat account.
    const sec = await open();
    await sec.goto(new URL(setupUrl).pathname);
    expect(await h1(sec)).toBe("Set up the platform");
    await checkA11y(sec, "setup");
    await sec.getByLabel("Name of the forum").fill("Exploration Coordination Forum");
    await sec.getByLabel("Your name").fill("Sam Secretariat");
    await sec.getByLabel("Your e-mail address").fill("sam@secretariat.example");
    await sec.getByLabel("Password", { exact: true }).fill(password.secretariat);
    await sec.getByLabel("Password again").fill(password.secretariat);
    await sec.getByRole("button", { name: "Create the secretariat account" }).click();
    // The secretariat's role requires two factors: nothing else opens until one is set up.
    await sec.waitForURL("**/private/account/two-factor");
    await checkA11y(sec, "two-factor sign-in required");
    await sec.goto("/private/invitations/new");
    await sec.waitForURL("**/private/account/two-factor");
    await enrolAuthenticator(sec, "sam@secretariat.example");
    // It works once.
    expect((await fetch(setupUrl)).status).toBe(404);

    // The secretariat invites ESA's focal point.
    await sec.goto("/private/invitations/new");
    await checkA11y(sec, "invite someone");
    await sec.getByLabel("Name", { exact: true }).fill("Erin Focal");
    await sec.getByLabel("E-mail address").fill("erin@esa.example");
    await sec.getByLabel("Organisation").selectOption("ESA");
    await sec.getByLabel("Member", { exact: true }).check();
    await sec.getByLabel("Focal point").check();
    await sec.getByRole("button", { name: "Send the invitation" }).click();
    expect(await sec.getByRole("table").innerText()).toContain("Erin Focal");
    await checkA11y(sec, "invitations");

    // Erin accepts by the mailed link and chooses a password.
    const invitation = await mailTo("erin@esa.example", /invit/i);
    const erin = await open();
    await erin.goto(invitation.link);
    expect(await h1(erin)).toBe("Welcome, Erin Focal");
    await checkA11y(erin, "accept the invitation");
    await erin.getByLabel("Password", { exact: true }).fill(password.focal);
    await erin.getByLabel("Password again").fill(password.focal);
    await erin.getByRole("button", { name: "Accept and sign in" }).click();
    await erin.waitForURL("**/private**");
    // The link was single-use.
    expect((await fetch(baseUrl + invitation.link)).status).toBe(404);
    // Erin switches on an authenticator app; from now on signing in asks for its code.
    erinTotp = await enrolAuthenticator(erin, "erin@esa.example");

    // Erin invites a colleague of her own agency, as a member.
    await erin.goto("/private/invitations/new");
    expect(await erin.getByText("They join ESA as a member.").isVisible()).toBe(true);
    await erin.getByLabel("Name", { exact: true }).fill("Cole League");
    await erin.getByLabel("E-mail address").fill("cole@esa.example");
    await erin.getByRole("button", { name: "Send the invitation" }).click();
    expect(await erin.getByRole("table").innerText()).toContain("Cole League");
    const colleagueInvitation = await mailTo("cole@esa.example", /invit/i);
    const cole = await open();
    await cole.setViewportSize(viewports.phone);
    await cole.goto(colleagueInvitation.link);
    await expectNoSideScroll(cole, "accept the invitation on a phone");
    await cole.getByLabel("Password", { exact: true }).fill(password.colleague);
    await cole.getByLabel("Password again").fill(password.colleague);
    await cole.getByRole("button", { name: "Accept and sign in" }).click();
    await cole.waitForURL("**/private**");
    await cole.context().clearCookies();

    // Cole forgets the password and resets it by mail.
    await cole.goto("/sign-in");
    await cole.getByRole("link", { name: "Forgotten your password?" }).click();
    await checkA11y(cole, "forgotten password");
    await cole.getByLabel("E-mail address").fill("cole@esa.example");
    await cole.getByRole("button", { name: "Send the link" }).click();
    const reset = await mailTo("cole@esa.example", /password/i);
    await cole.goto(reset.link);
    await checkA11y(cole, "choose a new password");
    await cole.getByLabel("New password", { exact: true }).fill(password.reset);
    await cole.getByLabel("New password again").fill(password.reset);
    await cole.getByRole("button", { name: "Set the new password" }).click();
    await cole.waitForURL("**/sign-in**");
    await cole.getByLabel("E-mail address").fill("cole@esa.example");
    await cole.getByLabel("Password", { exact: true }).fill(password.reset);
    await cole.getByRole("button", { name: "Sign in", exact: true }).click();
    await cole.waitForURL("**/private**");

    // The secretariat connects ESA's identity provider; Erin then signs in with ESA.
    await sec.goto("/private/members/esa/sso");
    await sec.getByLabel("Issuer address").fill(idp.issuer);
    await sec.getByLabel("Client id").fill(idp.clientId);
    await sec.getByLabel("Client secret").fill(idp.clientSecret);
    await sec.getByLabel('Show "Sign in with ESA" on the sign-in page').check();
    await sec.getByRole("button", { name: "Save single sign-on" }).click();
    await sec.waitForURL("**/private/members/esa/sso?done=saved");
    await erin.context().clearCookies();
    await erin.goto("/sign-in");
    await erin.getByRole("link", { name: /Sign in with ESA/ }).click();
    await erin.locator('input[name="login"]').fill("esa-erin");
    await erin.locator('input[name="password"]').fill("at ESA's own sign-in");
    await erin.locator('button[type="submit"]').click();
    await erin.getByRole("button", { name: "Continue" }).click();
    await erin.waitForURL("**/private");
    expect(await h1(erin)).toBe("Welcome, Erin Focal");
  });

  it("an attacker's 1,000 wrong passwords from another address do not stop the real person signing in", async () => {
    // The attacker works without a browser: a CSRF pair from the sign-in page, then guesses.
    const page = await fetch(`${baseUrl}/sign-in`);
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const res = await fetch(`${baseUrl}/sign-in`, {
        method: "POST",
        redirect: "manual",
        headers: {
          cookie,
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-for": "203.0.113.66",
        },
        body: new URLSearchParams({ _csrf: csrf, email: "erin@esa.example", password: `guess-${i}` }),
      });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    expect(statuses.get(303)).toBeUndefined();
    expect(statuses.get(429)).toBeGreaterThan(900);

    // Erin, at her own address, signs in with her password and her app's code.
    const erin = await open();
    await signIn(erin, { email: "erin@esa.example", password: password.focal, totpSecret: erinTotp });
  }, 180_000);
});
