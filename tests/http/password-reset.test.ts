import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountLinks, outbox, people, sessions } from "../../src/db/schema/index.js";
import { hashPassword } from "../../src/features/auth/passwords.service.js";
import { loggablePath } from "../../src/http/redact.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const oldPassword = "the old long password";
const newPassword = "a new long password!";

async function account() {
  const me = await makePerson(t.deps, ["member"], "ESA");
  await t.deps.db
    .update(people)
    .set({ passwordHash: await hashPassword(oldPassword) })
    .where(eq(people.id, me.id));
  return me;
}

const mailsTo = (address: string) => t.deps.db.select().from(outbox).where(eq(outbox.toAddress, address));

/** Asks for a link and returns the path it mails. */
async function requestLink(email: string) {
  const res = await (await browser(t.deps, t.app)).post("/sign-in/forgotten", { email });
  expect(res.status).toBe(303);
  const [mail] = await mailsTo(email);
  return new URL(/https?:\/\/\S+\/reset\/[\w-]+/.exec(mail!.textBody)![0]).pathname;
}

const signIn = async (email: string, password: string) =>
  (await browser(t.deps, t.app)).post("/sign-in", { email, password });

describe("self-service password reset", () => {
  it("the sign-in page offers the link instead of 'ask the secretariat'", async () => {
    const html = await (await t.app.request("/sign-in")).text();
    expect(html).toContain('<a href="/sign-in/forgotten">Forgotten your password?</a>');
    expect(html).not.toContain("Ask the secretariat");
  });

  it("answers the same whether the address has an account or not, and mails only a real one", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const me = await account();
    const known = await (await browser(t.deps, t.app)).post("/sign-in/forgotten", { email: me.email });
    const unknown = await (await browser(t.deps, t.app)).post("/sign-in/forgotten", {
      email: "nobody@example.org",
    });
    expect(known.status).toBe(303);
    expect(unknown.status).toBe(known.status);
    expect(unknown.headers.get("location")).toBe(known.headers.get("location"));
    const page = await (await t.app.request(known.headers.get("location")!)).text();
    expect(page).toContain("If an account has this address, we sent it a link");
    expect(await mailsTo(me.email)).toHaveLength(1);
    expect(await mailsTo("nobody@example.org")).toHaveLength(0);
  });

  it("the mailed link sets a new password once, ends every session, and the old password stops working", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const me = await account();
    const signedIn = await browser(t.deps, t.app, me);
    const link = await requestLink(me.email);
    expect(loggablePath(link)).toBe("/reset/[token]");
    const b = await browser(t.deps, t.app);
    expect((await b.get(link)).status).toBe(200);
    const short = await b.post(link, { password: "short", confirmPassword: "short" });
    expect(short.status).toBe(422);
    const res = await b.post(link, { password: newPassword, confirmPassword: newPassword });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in?done=reset");
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.personId, me.id))).toEqual([]);
    expect((await signedIn.get("/private")).status).toBe(303);
    expect((await signIn(me.email, oldPassword)).status).toBe(422);
    expect((await signIn(me.email, newPassword)).status).toBe(303);
    // Single use.
    expect((await b.get(link)).status).toBe(404);
    expect(
      (await b.post(link, { password: "yet another password", confirmPassword: "yet another password" }))
        .status,
    ).toBe(404);
  });

  it("a link older than an hour no longer works", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const me = await account();
    const link = await requestLink(me.email);
    clock = new Date("2031-01-10T13:00:01Z");
    expect((await t.app.request(link)).status).toBe(404);
    const [row] = await t.deps.db
      .select()
      .from(accountLinks)
      .where(and(eq(accountLinks.personId, me.id), eq(accountLinks.purpose, "reset")));
    expect(row!.usedAt).toBeNull();
  });

  it("an inactive person gets no link", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const me = await account();
    await t.deps.db.update(people).set({ active: false }).where(eq(people.id, me.id));
    await (await browser(t.deps, t.app)).post("/sign-in/forgotten", { email: me.email });
    expect(await mailsTo(me.email)).toHaveLength(0);
  });

  it("asking again and again is throttled, so the form cannot flood a mailbox", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const me = await account();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push(
        (await (await browser(t.deps, t.app)).post("/sign-in/forgotten", { email: me.email })).status,
      );
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6);
    expect((await mailsTo(me.email)).length).toBeLessThanOrEqual(4);
  });

  it("made-up links answer 404 and are throttled as guesses", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push((await t.app.request(`/reset/made-up-token-${i}-xxxxxxxxxx`)).status);
    expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
    expect(statuses.slice(3).every((s) => s === 429)).toBe(true);
  });
});
