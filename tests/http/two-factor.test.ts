import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  pendingSignIns,
  people,
  type Role,
  recoveryCodes,
  sessions,
  totpFactors,
} from "../../src/db/schema/index.js";
import { totpCode } from "../../src/domain/totp.js";
import { hashPassword } from "../../src/features/auth/passwords.service.js";
import { confirmTotp, pendingTotpSecret } from "../../src/features/two-factor/totp.service.js";
import type { Person } from "../../src/http/actor.js";
import { CSRF_COOKIE, csrfTokenFor } from "../../src/http/csrf.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

let clock = new Date("2031-03-02T09:00:00Z");
const t = useTestDatabase({ now: () => clock });
const password = "a long enough password";
const later = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};

/** A person who can sign in with `password`. */
async function account(roles: Role[] = ["member"], org: string | null = "ESA"): Promise<Person> {
  const me = await makePerson(t.deps, roles, org);
  await t.deps.db
    .update(people)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(people.id, me.id));
  return me;
}

/** Turns on the authenticator app for a person (as the set-up page does); the secret and recovery codes. */
async function withApp(me: Person) {
  const secret = (await pendingTotpSecret(t.deps, me))!;
  const codes = (await confirmTotp(t.deps, me, { code: totpCode(secret, clock) }))!;
  later(60);
  return { secret, codes };
}

/** A browser that keeps the cookies the app sets (the second step lives in one). */
function cookieBrowser() {
  const nonce = "jar-nonce";
  const jar = new Map<string, string>([[CSRF_COOKIE, nonce]]);
  const csrf = csrfTokenFor(t.deps.config.sessionSecret, nonce);
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, value] = pair!.split("=");
      if (/Max-Age=0|expires=Thu, 01 Jan 1970/i.test(line) || !value) jar.delete(name!.trim());
      else jar.set(name!.trim(), value);
    }
    return res;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  return {
    jar,
    get: async (path: string) => keep(await t.app.request(path, { headers: { cookie: cookie() } })),
    post: async (path: string, form: Record<string, string | string[]> = {}) => {
      const body = new URLSearchParams({ _csrf: csrf });
      for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
      return keep(
        await t.app.request(path, {
          method: "POST",
          headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
          body,
        }),
      );
    },
  };
}

const sessionsOf = (id: number) => t.deps.db.select().from(sessions).where(eq(sessions.personId, id));
const audited = (action: string, subject: number) =>
  t.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, String(subject))));

describe("two-factor sign-in: the authenticator app", () => {
  it("an ESA focal point turns on TOTP: the key and a QR code, a wrong code changes nothing, the right one gives ten recovery codes", async () => {
    const me = await account(["member", "focal_point"]);
    const b = await browser(t.deps, t.app, me);
    const setup = await b.get("/private/account/two-factor/app");
    expect(setup.status).toBe(200);
    const html = await setup.text();
    expect(html).toContain("<svg");
    const [row] = await t.deps.db.select().from(totpFactors).where(eq(totpFactors.personId, me.id));
    expect(html).toContain(row!.secret.slice(0, 4));
    const right = totpCode(row!.secret, clock);
    const wrong = right === "000000" ? "111111" : "000000";
    const refused = await b.post("/private/account/two-factor/app", { code: wrong });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("That code does not match");
    const [still] = await t.deps.db.select().from(totpFactors).where(eq(totpFactors.personId, me.id));
    expect(still!.confirmedAt).toBeNull();
    expect(await audited("two_factor.enable", me.id)).toHaveLength(0);

    const on = await b.post("/private/account/two-factor/app", { code: right });
    expect(on.status).toBe(200);
    const codes = [...(await on.text()).matchAll(/<code>([a-z0-9-]{14})<\/code>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    const stored = await t.deps.db.select().from(recoveryCodes).where(eq(recoveryCodes.personId, me.id));
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.codeHash)).not.toContain(codes[0]);
    expect(await audited("two_factor.enable", me.id)).toHaveLength(1);
    expect(await (await b.get("/private/account/two-factor")).text()).toContain("10 of 10 unused");
  });

  it("after the password, sign-in asks for the code before any session exists; a code cannot be used twice", async () => {
    const me = await account();
    const { secret } = await withApp(me);
    const b = cookieBrowser();
    const first = await b.post("/sign-in", { email: me.email, password, next: "/private/people" });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/sign-in/second-step");
    expect(b.jar.has("isecg_session")).toBe(false);
    expect(await sessionsOf(me.id)).toHaveLength(0);
    expect(await (await b.get("/private")).headers.get("location")).toMatch(/^\/sign-in/);
    expect((await b.get("/sign-in/second-step")).status).toBe(200);
    const code = totpCode(secret, clock);
    const done = await b.post("/sign-in/second-step", { code });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/private/people");
    expect(b.jar.has("isecg_session")).toBe(true);
    expect(await sessionsOf(me.id)).toHaveLength(1);

    const again = cookieBrowser();
    await again.post("/sign-in", { email: me.email, password });
    const reused = await again.post("/sign-in/second-step", { code });
    expect(reused.status).toBe(422);
    expect(await reused.text()).toContain("That code was already used");
    expect(again.jar.has("isecg_session")).toBe(false);
  });

  it("a recovery code signs in once, and its use is audited", async () => {
    const me = await account();
    const { codes } = await withApp(me);
    const b = cookieBrowser();
    await b.post("/sign-in", { email: me.email, password });
    const ok = await b.post("/sign-in/second-step", { code: codes[3]!.toUpperCase() });
    expect(ok.status).toBe(303);
    expect(await audited("two_factor.recovery_code_used", me.id)).toHaveLength(1);
    const c = cookieBrowser();
    await c.post("/sign-in", { email: me.email, password });
    const twice = await c.post("/sign-in/second-step", { code: codes[3]! });
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain("That code is not right");
  });

  it("guessing codes is throttled: after a few wrong ones even the right code must wait", async () => {
    const me = await account();
    const { secret } = await withApp(me);
    const b = cookieBrowser();
    await b.post("/sign-in", { email: me.email, password });
    const right = totpCode(secret, clock);
    const wrong = right === "123456" ? "654321" : "123456";
    for (let i = 0; i < 3; i++)
      expect((await b.post("/sign-in/second-step", { code: wrong })).status).toBe(422);
    const waiting = await b.post("/sign-in/second-step", { code: right });
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await waiting.text()).toContain("Too many failed attempts");
    expect(await sessionsOf(me.id)).toHaveLength(0);
  });

  it("the second step expires after five minutes", async () => {
    const me = await account();
    const { secret } = await withApp(me);
    const b = cookieBrowser();
    await b.post("/sign-in", { email: me.email, password });
    later(6 * 60);
    const res = await b.post("/sign-in/second-step", { code: totpCode(secret, clock) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in?expired=1");
    expect(await sessionsOf(me.id)).toHaveLength(0);
  });

  it("switching the app off needs the current password; then sign-in needs only the password", async () => {
    const me = await account();
    await withApp(me);
    const b = await browser(t.deps, t.app, me);
    const refused = await b.post("/private/account/two-factor/app/off", { password: "not my password" });
    expect(refused.status).toBe(422);
    expect((await t.deps.db.select().from(totpFactors).where(eq(totpFactors.personId, me.id))).length).toBe(
      1,
    );
    const off = await b.post("/private/account/two-factor/app/off", { password });
    expect(off.status).toBe(303);
    expect(await audited("two_factor.disable", me.id)).toHaveLength(1);
    const c = cookieBrowser();
    const res = await c.post("/sign-in", { email: me.email, password });
    expect(res.headers.get("location")).toBe("/private");
  });
});

describe("two-factor sign-in required by role", () => {
  it("the secretariat is required by default: after the password it may only enrol, then it is in", async () => {
    const sec = await account(["secretariat"], null);
    const b = cookieBrowser();
    const res = await b.post("/sign-in", { email: sec.email, password, next: "/private/people" });
    expect(res.headers.get("location")).toBe("/private/account/two-factor");
    const [session] = await sessionsOf(sec.id);
    expect(session!.mustEnrol).toBe(true);
    expect((await b.get("/private")).headers.get("location")).toBe("/private/account/two-factor");
    expect((await b.post("/private/settings/two-factor", { roles: [] })).status).toBe(403);
    const page = await b.get("/private/account/two-factor");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Your role requires two-factor sign-in");
    await b.get("/private/account/two-factor/app");
    const [row] = await t.deps.db.select().from(totpFactors).where(eq(totpFactors.personId, sec.id));
    expect(
      (await b.post("/private/account/two-factor/app", { code: totpCode(row!.secret, clock) })).status,
    ).toBe(200);
    expect((await b.get("/private")).status).toBe(200);
  });

  it("only the secretariat sets which roles must use two factors; a member then has to enrol", async () => {
    const member = await account(["member"]);
    const mb = await browser(t.deps, t.app, member);
    expect((await mb.post("/private/settings/two-factor", { roles: "member" })).status).toBe(403);
    expect((await mb.get("/private/settings/two-factor")).status).toBe(403);
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const sb = await browser(t.deps, t.app, sec);
    const saved = await sb.post("/private/settings/two-factor", { roles: ["member", "secretariat"] });
    expect(saved.status).toBe(303);
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "two_factor.requirement"));
    expect(entry!.details).toMatchObject({ before: ["secretariat"], after: ["member", "secretariat"] });
    const c = cookieBrowser();
    const res = await c.post("/sign-in", { email: member.email, password });
    expect(res.headers.get("location")).toBe("/private/account/two-factor");
  });

  it("a person whose role needs no second factor signs in with the password alone", async () => {
    const member = await account(["member"]);
    const res = await cookieBrowser().post("/sign-in", { email: member.email, password });
    expect(res.headers.get("location")).toBe("/private");
    expect((await sessionsOf(member.id))[0]!.mustEnrol).toBe(false);
  });
});

describe("resetting lost second factors", () => {
  it("the secretariat resets a person's second factors, audited; a member cannot", async () => {
    const owner = await account(["member"]);
    await withApp(owner);
    const other = await makePerson(t.deps, ["member", "focal_point"], "ESA");
    const ob = await browser(t.deps, t.app, other);
    expect((await ob.post(`/private/people/${owner.id}/two-factor/reset`)).status).toBe(403);
    expect((await ob.get(`/private/people/${owner.id}/two-factor/reset`)).status).toBe(403);
    expect(await t.deps.db.select().from(totpFactors).where(eq(totpFactors.personId, owner.id))).toHaveLength(
      1,
    );
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const sb = await browser(t.deps, t.app, sec);
    expect((await sb.get(`/private/people/${owner.id}/two-factor/reset`)).status).toBe(200);
    expect((await sb.post(`/private/people/${owner.id}/two-factor/reset`)).status).toBe(303);
    expect(await t.deps.db.select().from(totpFactors).where(eq(totpFactors.personId, owner.id))).toHaveLength(
      0,
    );
    expect(
      await t.deps.db.select().from(recoveryCodes).where(eq(recoveryCodes.personId, owner.id)),
    ).toHaveLength(0);
    expect(await audited("two_factor.reset", owner.id)).toHaveLength(1);
    const res = await cookieBrowser().post("/sign-in", { email: owner.email, password });
    expect(res.headers.get("location")).toBe("/private");
  });
});

describe("passkeys over HTTP (the browser part is in the end-to-end journey)", () => {
  it("sign-in options name this site and a fresh challenge; an answer that does not check out signs nobody in", async () => {
    const b = cookieBrowser();
    const res = await b.post("/sign-in/passkey/options");
    expect(res.status).toBe(200);
    const options = (await res.json()) as { rpId: string; challenge: string; userVerification: string };
    expect(options.rpId).toBe(new URL(t.deps.config.baseUrl).hostname);
    expect(options.userVerification).toBe("required");
    expect(b.jar.has("isecg_webauthn")).toBe(true);
    const forged = JSON.stringify({ id: "nope", rawId: "nope", type: "public-key", response: {} });
    const refused = await b.post("/sign-in/passkey", { response: forged });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("The passkey could not be checked");
    expect(b.jar.has("isecg_session")).toBe(false);
  });

  it("one address may ask for so many passkey challenges in 15 minutes; then 429 and no more are stored", async () => {
    const b = cookieBrowser();
    for (let i = 0; i < 120; i++) expect((await b.post("/sign-in/passkey/options")).status).toBe(200);
    const stored = (await t.deps.db.select().from(pendingSignIns)).length;
    const refused = await b.post("/sign-in/passkey/options");
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Too many sign-ins were started from your network");
    expect((await t.deps.db.select().from(pendingSignIns)).length).toBe(stored);
  });

  it("the second step offers a passkey only to a person who has one", async () => {
    const me = await account();
    await withApp(me);
    const b = cookieBrowser();
    await b.post("/sign-in", { email: me.email, password });
    const page = await (await b.get("/sign-in/second-step")).text();
    expect(page).toContain("Code from your authenticator app, or a recovery code");
    expect(page).not.toContain("Use a passkey");
  });
});
