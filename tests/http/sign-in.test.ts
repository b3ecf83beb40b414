import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { people, sessions } from "../../src/db/schema/index.js";
import { hashPassword } from "../../src/features/auth/passwords.service.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

const t = useTestDatabase();
const password = "correct horse battery";

async function account(active = true) {
  const me = await makePerson(t.deps, ["member", "focal_point"], "CSA");
  await t.deps.db
    .update(people)
    .set({ passwordHash: await hashPassword(password), active })
    .where(eq(people.id, me.id));
  return me;
}

const signIn = async (email: string, pw: string, opts: { csrf?: boolean } = {}) =>
  (await browser(t.deps, t.app)).post("/sign-in", { email, password: pw, next: "/private/people" }, opts);

describe("sign-in", () => {
  it("a person with the right password gets an HttpOnly, SameSite session cookie and goes where they meant to", async () => {
    const me = await account();
    const res = await signIn(me.email.toUpperCase(), password);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/private/people");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/isecg_session=[\w-]{40,}/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const stored = await t.deps.db.select().from(sessions).where(eq(sessions.personId, me.id));
    expect(stored).toHaveLength(1);
    // Only a hash of the token is kept.
    expect(cookie).not.toContain(stored[0]!.tokenHash);
  });

  it("a wrong password is refused with one message that does not say which part was wrong", async () => {
    const me = await account();
    const res = await signIn(me.email, "wrong password!");
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("The e-mail address or password is not correct.");
    expect(res.headers.get("set-cookie") ?? "").not.toContain("isecg_session=");
    const unknown = await signIn("nobody@example.org", password);
    expect(await unknown.text()).toContain("The e-mail address or password is not correct.");
  });

  it("an inactive person cannot sign in even with the right password", async () => {
    const me = await account(false);
    expect((await signIn(me.email, password)).status).toBe(422);
  });

  it("a sign-in form without its CSRF token is refused and signs nobody in", async () => {
    const me = await account();
    const res = await signIn(me.email, password, { csrf: false });
    expect(res.status).toBe(403);
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.personId, me.id))).toHaveLength(0);
  });

  it("after three failures from one address, even the right password waits out a short delay there", async () => {
    const me = await account();
    // A still clock: on a slow machine, hashing alone could outlast the one-second delay.
    const still = new Date();
    t.deps.now = () => still;
    for (let i = 0; i < 3; i++) expect((await signIn(me.email, `nope-${i}`)).status).toBe(422);
    const held = await signIn(me.email, password);
    expect(held.status).toBe(429);
    expect(held.headers.get("retry-after")).toBe("1");
    expect(await held.text()).toMatch(/Too many failed attempts\. Please wait 1 second/);
  });

  it("the delay lifts once its time has passed", async () => {
    const me = await account();
    for (let i = 0; i < 3; i++) await signIn(me.email, `nope-${i}`);
    const later = new Date(Date.now() + 2_000);
    t.deps.now = () => later;
    expect((await signIn(me.email, password)).status).toBe(303);
  });

  it("a sign-in never redirects to another site", async () => {
    const me = await account();
    const res = await (await browser(t.deps, t.app)).post("/sign-in", {
      email: me.email,
      password,
      next: "//evil.example",
    });
    expect(res.headers.get("location")).toBe("/private");
  });

  it("signing out ends the session on the server", async () => {
    const me = await makePerson(t.deps, ["member"]);
    const b = await browser(t.deps, t.app, me);
    expect((await b.get("/private")).status).toBe(200);
    expect((await b.post("/sign-out")).status).toBe(303);
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.personId, me.id))).toHaveLength(0);
    expect((await b.get("/private")).status).toBe(303);
  });

  it("a deactivated person's existing session stops working", async () => {
    const me = await makePerson(t.deps, ["member"]);
    const b = await browser(t.deps, t.app, me);
    await t.deps.db.update(people).set({ active: false }).where(eq(people.id, me.id));
    const res = await b.get("/private");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in?next=%2Fprivate");
  });

  it("a person changes their own password only with the current one", async () => {
    const me = await account();
    const b = await browser(t.deps, t.app, me);
    const bad = await b.post("/private/account/password", {
      currentPassword: "wrong",
      newPassword: "another long password",
      confirmPassword: "another long password",
    });
    expect(bad.status).toBe(422);
    const short = await b.post("/private/account/password", {
      currentPassword: password,
      newPassword: "short",
      confirmPassword: "short",
    });
    expect(await short.text()).toContain("Use at least 12 characters.");
    const ok = await b.post("/private/account/password", {
      currentPassword: password,
      newPassword: "another long password",
      confirmPassword: "another long password",
    });
    expect(ok.status).toBe(303);
    expect((await signIn(me.email, "another long password")).status).toBe(303);
  });
});

describe("where sign-in leads", () => {
  const hostile = [
    "/\\evil.example",
    "/\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "//evil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "/%2f/evil.example",
    "/%5cevil.example",
    "/\u0001/evil.example",
    "/\u007f/evil.example",
    "/ /evil.example",
    "\\/evil.example",
    "http:/evil.example",
    "data:text/html,x",
    "https://evil.example",
    "javascript:alert(1)",
    "evil.example",
  ];

  it("a signed-in visitor of /sign-in is never sent off-site by `next`", async () => {
    const me = await account();
    const b = await browser(t.deps, t.app, me);
    for (const next of hostile) {
      const res = await b.get(`/sign-in?next=${encodeURIComponent(next)}`);
      expect(res.status, next).toBe(303);
      expect(res.headers.get("location"), next).toBe("/private");
    }
    const local = await b.get(`/sign-in?next=${encodeURIComponent("/private/actions?mine=1")}`);
    expect(local.headers.get("location")).toBe("/private/actions?mine=1");
  });

  it("the sign-in form is never sent off-site by `next` either", async () => {
    const me = await account();
    for (const next of hostile) {
      const res = await (await browser(t.deps, t.app)).post("/sign-in", { email: me.email, password, next });
      expect(res.status, next).toBe(303);
      expect(res.headers.get("location"), next).toBe("/private");
    }
  }, 60_000);
});
