import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newsArticles, newsSubscribers, outbox } from "../../src/db/schema/index.js";
import { deliverDueMail, deliveryRules } from "../../src/features/mail/mail.delivery.jobs.js";
import { enqueueMail } from "../../src/features/mail/mail.outbox.service.js";
import {
  fileTransport,
  type MailTransport,
  smtpTransport,
} from "../../src/features/mail/mail.transport.jobs.js";
import { publishDueArticles } from "../../src/features/news/news.publishing.service.js";
import { browser, makePerson } from "../support/actors.js";
import { testConfig } from "../support/config.js";
import { useTestDatabase } from "../support/database.js";
import { parseMail, startSmtp } from "../support/smtp.js";

let clock = new Date();
const t = useTestDatabase({ now: () => clock });
let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => smtp.stop());

const MIN = 60_000;
const transport = (): MailTransport => smtpTransport(t.deps.config, smtp.url);
const deliver = async (tr = transport()) => {
  try {
    return await deliverDueMail(t.deps, tr, clock);
  } finally {
    tr.close();
  }
};
/** Messages the SMTP server received for one address. */
const inbox = (to: string) => smtp.received.filter((m) => m.to.includes(to)).map((m) => parseMail(m.raw));
const linkIn = (text: string, path: string) =>
  new RegExp(`http://localhost:3000(${path}\\?token=[A-Za-z0-9_.-]+)`).exec(text)?.[1];
const rows = (table: typeof outbox | typeof newsSubscribers) => t.deps.db.select({ n: count() }).from(table);

let seq = 0;
const address = () => `reader${++seq}-${Date.now()}@example.net`;

/** A visitor subscribes through the form; returns the redirect. */
async function subscribe(email: string) {
  const b = await browser(t.deps, t.app);
  return b.post("/news/subscribe", { email });
}

/** Subscribes and confirms through the mailed link and the confirmation page. */
async function confirmedSubscriber(email: string) {
  expect((await subscribe(email)).status).toBe(303);
  await deliver();
  const confirm = linkIn(inbox(email).at(-1)!.text, "/news/subscribe/confirm");
  expect(confirm).toBeDefined();
  const b = await browser(t.deps, t.app);
  const page = await b.get(confirm!);
  expect(page.status).toBe(200);
  const token = new URL(confirm!, "http://x").searchParams.get("token")!;
  const res = await b.post("/news/subscribe/confirm", { token });
  expect(res.status).toBe(303);
  expect(res.headers.get("location")).toBe("/news/subscribe?done=confirmed");
}

async function secretariat() {
  const me = await makePerson(t.deps, ["secretariat"], null);
  return browser(t.deps, t.app, me);
}

/** Writes and publishes an article through the secretariat's forms. */
async function publishNew(b: Awaited<ReturnType<typeof secretariat>>, title: string) {
  const res = await b.post("/private/news/new", {
    title,
    date: "2031-05-04",
    summary: `Summary of ${title}.`,
    body: "Body text.",
    intent: "save",
  });
  const id = Number(/\/private\/news\/(\d+)\/edit/.exec(res.headers.get("location")!)![1]);
  expect((await b.post(`/private/news/${id}/publish`)).status).toBe(303);
  return id;
}
const newsMails = (to: string, title: string) => inbox(to).filter((m) => m.headers.subject === title);

describe("subscribing with double opt-in", () => {
  it("a bad address is refused with 422 and nothing is stored", async () => {
    clock = new Date();
    const [before] = await rows(newsSubscribers);
    const [mails] = await rows(outbox);
    const res = await subscribe("not-an-address");
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Enter a valid e-mail address");
    expect(html).toContain('value="not-an-address"');
    expect(await rows(newsSubscribers)).toEqual([before]);
    expect(await rows(outbox)).toEqual([mails]);
  });

  it("no news is mailed before the address is confirmed, and each article after it", async () => {
    clock = new Date();
    const email = address();
    const res = await subscribe(email);
    expect(res.headers.get("location")).toBe("/news/subscribe?done=sent");
    const b = await secretariat();
    await publishNew(b, "Before confirming");
    await deliver();
    const [confirmMail] = inbox(email);
    expect(inbox(email)).toHaveLength(1);
    expect(confirmMail!.headers.subject).toBe("Confirm your subscription to ISECG news");
    expect(confirmMail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const [sub] = await t.deps.db.select().from(newsSubscribers).where(eq(newsSubscribers.email, email));
    expect(sub!.status).toBe("pending");
    expect(sub!.confirmTokenHash).not.toContain(linkIn(confirmMail!.text, "/news/subscribe/confirm")!);

    const confirm = linkIn(confirmMail!.text, "/news/subscribe/confirm")!;
    const v = await browser(t.deps, t.app);
    const page = await v.get(confirm);
    expect(await page.text()).toContain("Confirm my subscription");
    expect(page.headers.get("cache-control")).toContain("no-store");
    const token = new URL(confirm, "http://x").searchParams.get("token")!;
    expect((await v.post("/news/subscribe/confirm", { token })).status).toBe(303);

    await publishNew(b, "After confirming");
    await deliver();
    expect(newsMails(email, "Before confirming")).toHaveLength(0);
    const [news] = newsMails(email, "After confirming");
    expect(news!.text).toContain("Summary of After confirming.");
    expect(news!.text).toMatch(/http:\/\/localhost:3000\/news\/after-confirming/);
    const unsubscribe = linkIn(news!.text, "/news/unsubscribe")!;
    expect(news!.headers["list-unsubscribe"]).toBe(`<http://localhost:3000${unsubscribe}>`);
    expect(news!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("a wrong or forged confirmation token confirms nothing", async () => {
    clock = new Date();
    const v = await browser(t.deps, t.app);
    expect((await v.get("/news/subscribe/confirm?token=nope")).status).toBe(404);
    expect((await v.post("/news/subscribe/confirm", { token: "nope" })).status).toBe(404);
  });

  it("subscribing an address twice, or a confirmed one, gets the same answer", async () => {
    clock = new Date();
    const email = address();
    const first = await subscribe(email);
    const second = await subscribe(email.toUpperCase());
    await confirmedSubscriber(email);
    const third = await subscribe(email);
    for (const r of [first, second, third]) {
      expect(r.status).toBe(303);
      expect(r.headers.get("location")).toBe("/news/subscribe?done=sent");
    }
    const subs = await t.deps.db.select().from(newsSubscribers).where(eq(newsSubscribers.email, email));
    expect(subs).toHaveLength(1);
    expect(subs[0]!.status).toBe("confirmed");
    await deliver();
    expect(inbox(email).at(-1)!.headers.subject).toBe("You already receive ISECG news");
  });

  it("the form is rate-limited per address", async () => {
    clock = new Date();
    const email = address();
    for (let i = 0; i < 5; i++) expect((await subscribe(email)).status).toBe(303);
    const res = await subscribe(email);
    expect(res.status).toBe(429);
  });
});

describe("news mail goes out exactly once", () => {
  it("per confirmed subscriber, even if the worker runs twice or the article is published again", async () => {
    clock = new Date();
    const [a, c] = [address(), address()];
    await confirmedSubscriber(a);
    await confirmedSubscriber(c);
    const b = await secretariat();
    const id = await publishNew(b, "Exactly once");
    // Two workers at once, then again: each message is claimed by one of them only.
    const reports = await Promise.all([deliver(), deliver()]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBeGreaterThanOrEqual(2);
    await deliver();
    await b.post(`/private/news/${id}/unpublish`);
    await b.post(`/private/news/${id}/publish`);
    await deliver();
    expect(newsMails(a, "Exactly once")).toHaveLength(1);
    expect(newsMails(c, "Exactly once")).toHaveLength(1);
    const keys = await t.deps.db
      .select({ k: outbox.dedupeKey })
      .from(outbox)
      .where(eq(outbox.subject, "Exactly once"));
    expect(keys.map((k) => k.k).sort()).toHaveLength(2);
    expect(keys[0]!.k).toMatch(new RegExp(`^news:${id}:\\d+$`));
  });

  it("when the scheduler publishes an article, also only once", async () => {
    clock = new Date();
    const email = address();
    await confirmedSubscriber(email);
    const b = await secretariat();
    const res = await b.post("/private/news/new", {
      title: "Scheduled mail",
      date: "2031-05-04",
      summary: "Goes out later.",
      body: "Body.",
      intent: "save",
    });
    const id = Number(/\/private\/news\/(\d+)\/edit/.exec(res.headers.get("location")!)![1]);
    const at = new Date(clock.getTime() + 2 * 3_600_000);
    const local = new Date(at.getTime() - at.getTimezoneOffset() * MIN).toISOString().slice(0, 16);
    expect((await b.post(`/private/news/${id}/schedule`, { publishAt: local })).status).toBe(303);
    await deliver();
    expect(newsMails(email, "Scheduled mail")).toHaveLength(0);
    clock = new Date(at.getTime() + MIN);
    expect(await publishDueArticles(t.deps, clock)).toBe(1);
    expect(await publishDueArticles(t.deps, clock)).toBe(0);
    await deliver();
    await deliver();
    expect(newsMails(email, "Scheduled mail")).toHaveLength(1);
  });
});

describe("unsubscribing", () => {
  it("one-click POST from a mail client, without cookies or CSRF token, stops the news", async () => {
    clock = new Date();
    const email = address();
    await confirmedSubscriber(email);
    const b = await secretariat();
    await publishNew(b, "First for one-click");
    await deliver();
    const header = newsMails(email, "First for one-click")[0]!.headers["list-unsubscribe"]!;
    const url = /^<http:\/\/localhost:3000(.+)>$/.exec(header)![1]!;
    const res = await t.app.request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("You are unsubscribed");
    await publishNew(b, "Second for one-click");
    await deliver();
    expect(newsMails(email, "Second for one-click")).toHaveLength(0);
    const [sub] = await t.deps.db.select().from(newsSubscribers).where(eq(newsSubscribers.email, email));
    expect(sub!.status).toBe("unsubscribed");
  });

  it("the page asks before unsubscribing, and its button does it", async () => {
    clock = new Date();
    const email = address();
    await confirmedSubscriber(email);
    const link = linkIn(inbox(email).at(-1)!.text, "/news/unsubscribe")!;
    const v = await browser(t.deps, t.app);
    const page = await (await v.get(link)).text();
    expect(page).toContain("Unsubscribe from the news?");
    expect(page).not.toContain(email);
    const action = /<form method="post" action="([^"]+)"/.exec(page)![1]!.replaceAll("&amp;", "&");
    expect(action).toBe(link);
    const res = await v.post(action, {}, { csrf: false });
    expect(res.status).toBe(200);
    const [sub] = await t.deps.db.select().from(newsSubscribers).where(eq(newsSubscribers.email, email));
    expect(sub!.status).toBe("unsubscribed");
    expect(await (await v.get(link)).text()).toContain("You are unsubscribed");
  });

  it("a forged token unsubscribes nobody, and other public forms still need the CSRF token", async () => {
    clock = new Date();
    const forged = await t.app.request(
      "/news/unsubscribe?token=1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      {
        method: "POST",
      },
    );
    expect(forged.status).toBe(404);
    const v = await browser(t.deps, t.app);
    expect((await v.post("/news/subscribe", { email: address() }, { csrf: false })).status).toBe(403);
  });
});

describe("delivery", () => {
  it("when the SMTP server is down nothing is lost, and delivery resumes after it is back", async () => {
    clock = new Date();
    const to = address();
    await enqueueMail(t.deps.db, { kind: "test", to, subject: "Survives an outage", text: "Hello." }, clock);
    await smtp.stop();
    try {
      const report = await deliver();
      expect(report).toEqual({ sent: 0, retrying: 1, failed: 0 });
    } finally {
      await smtp.start();
    }
    const [row] = await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, to));
    expect(row!.status).toBe("queued");
    expect(row!.attempts).toBe(1);
    expect(row!.lastError).toBeTruthy();
    expect(row!.nextAttemptAt.getTime()).toBe(clock.getTime() + MIN);
    // Not due yet: the next tick leaves it alone.
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    clock = new Date(clock.getTime() + MIN);
    expect((await deliver()).sent).toBe(1);
    const [after] = await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, to));
    expect(after!.status).toBe("sent");
    expect(after!.attempts).toBe(2);
    expect(inbox(to)).toHaveLength(1);
  });

  it("waits 1, 2, 4 ... minutes between attempts and gives up after the last one", async () => {
    clock = new Date();
    const to = address();
    await enqueueMail(t.deps.db, { kind: "test", to, subject: "Never arrives", text: "x" }, clock);
    const broken: MailTransport = {
      kind: "smtp",
      send: async () => {
        throw new Error("550 mailbox unavailable");
      },
      close: () => {},
    };
    const waits: number[] = [];
    for (let i = 0; i < deliveryRules.maxAttempts; i++) {
      await deliverDueMail(t.deps, broken, clock);
      const [row] = await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, to));
      waits.push((row!.nextAttemptAt.getTime() - clock.getTime()) / MIN);
      clock = row!.nextAttemptAt;
    }
    expect(waits.slice(0, 4)).toEqual([1, 2, 4, 8]);
    const [row] = await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, to));
    expect(row!.status).toBe("failed");
    expect(row!.attempts).toBe(deliveryRules.maxAttempts);
    expect(row!.lastError).toBe("550 mailbox unavailable");
  });

  it("with no SMTP_URL the message is written as an .eml file in DATA_DIR/outbox", async () => {
    clock = new Date();
    const dir = mkdtempSync(join(tmpdir(), "isecg-mail-"));
    t.deps.config = testConfig(dir);
    const to = address();
    await enqueueMail(t.deps.db, { kind: "test", to, subject: "To a file", text: "Written to disk." }, clock);
    expect((await deliverDueMail(t.deps, fileTransport(t.deps.config), clock)).sent).toBe(1);
    const [row] = await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, to));
    const file = join(dir, "outbox", `${String(row!.id).padStart(8, "0")}.eml`);
    expect(existsSync(file)).toBe(true);
    const mail = parseMail(readFileSync(file, "utf8"));
    expect(mail.headers.subject).toBe("To a file");
    expect(mail.headers.to).toBe(to);
    expect(mail.text).toContain("Written to disk.");
    expect(row!.status).toBe("sent");
  });
});

describe("the secretariat's outbox and subscriber pages", () => {
  it("show counts and delivery state, never whole addresses or links that act for the recipient", async () => {
    clock = new Date();
    const dir = mkdtempSync(join(tmpdir(), "isecg-mail-"));
    t.deps.config = testConfig(dir);
    const email = address();
    expect((await subscribe(email)).status).toBe(303);
    await deliverDueMail(t.deps, fileTransport(t.deps.config), clock);
    const b = await secretariat();
    const list = await (await b.get("/private/outbox")).text();
    expect(list).toContain("Confirm your subscription to ISECG news");
    expect(list).toContain("<dt>Sent</dt>");
    expect(list).not.toContain(email);
    expect(list).toContain(`${email[0]}•••@example.net`);
    const id = /href="\/private\/outbox\/(\d+)"/.exec(list)![1];
    const one = await (await b.get(`/private/outbox/${id}`)).text();
    expect(one).toContain("Headers of");
    expect(one).toContain("token=[hidden]");
    expect(one).not.toMatch(/token=[A-Za-z0-9_-]{10,}/);
    expect(one).not.toContain(email);
    const subs = await (await b.get("/private/subscribers")).text();
    expect(subs).toMatch(/<dt>Waiting for confirmation<\/dt><dd>\d+<\/dd>/);
    expect(subs).not.toContain(email);
  });

  it("the news list invites visitors to subscribe and stays cacheable", async () => {
    clock = new Date();
    const res = await t.app.request("/news");
    expect(await res.text()).toContain('href="/news/subscribe"');
    expect(res.headers.get("set-cookie")).toBeNull();
    const [n] = await t.deps.db.select({ n: count() }).from(newsArticles);
    expect(n!.n).toBeGreaterThan(0);
  });
});
