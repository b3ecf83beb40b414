import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  organisations,
  outbox,
  people,
  ssoFlows,
  ssoIdentities,
  ssoProviders,
} from "../../src/db/schema/index.js";
import { erasePerson, exportPersonalData } from "../../src/features/directory/privacy.service.js";
import { invitePerson } from "../../src/features/invitations/invitations.service.js";
import { browser, makePerson } from "../support/actors.js";
import { testConfig } from "../support/config.js";
import { useTestDatabase } from "../support/database.js";
import { startOidcProvider, type TestOidcProvider } from "../support/oidc.js";

const t = useTestDatabase();
let idp: TestOidcProvider;
beforeAll(async () => {
  idp = await startOidcProvider(`${testConfig("").baseUrl}/sign-in/sso/callback`);
});
afterAll(async () => idp?.close());

async function orgId(acronym: string) {
  const [o] = await t.deps.db.select().from(organisations).where(eq(organisations.acronym, acronym));
  return o!.id;
}

/** Turns on ESA's single sign-on against the test provider (or another issuer). */
async function enableSso(opts: { domains?: string[]; issuer?: string; acronym?: string } = {}) {
  await t.deps.db.insert(ssoProviders).values({
    organisationId: await orgId(opts.acronym ?? "ESA"),
    issuer: opts.issuer ?? idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    allowedDomains: opts.domains ?? [],
    enabled: true,
  });
}

let subjects = 0;
/** A user at the provider; returns their subject. */
function providerUser(email: string, verified = true) {
  const sub = `sub-${++subjects}`;
  idp.users.set(sub, { sub, email, email_verified: verified, name: "Sam Provider" });
  return sub;
}

const cookieFrom = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);

/** Starts "Sign in with ESA" in the app; the provider's authorization URL and the flow cookie. */
async function start(path = "/sign-in/sso/esa") {
  const res = await t.app.request(path);
  expect(res.status, await res.clone().text()).toBe(303);
  return { url: res.headers.get("location")!, cookie: cookieFrom(res, "sso_flow")! };
}

const callback = (back: URL, cookie?: string) =>
  t.app.request(back.pathname + back.search, { headers: cookie ? { cookie } : {} });

/** The whole journey: start, sign in at the provider as `sub`, come back to the app. */
async function ssoSignIn(sub: string, path?: string) {
  const { url, cookie } = await start(path);
  return callback(await idp.signIn(url, sub), cookie);
}

const audits = async (action: string) => t.deps.db.select().from(auditLog).where(eq(auditLog.action, action));
const personByEmail = async (email: string) =>
  (await t.deps.db.select().from(people).where(eq(people.email, email)))[0];

describe("single sign-on: who gets in", () => {
  it("the sign-in page offers 'Sign in with ESA' only when ESA's single sign-on is on", async () => {
    expect(await (await t.app.request("/sign-in")).text()).not.toContain("Sign in with ESA");
    await enableSso();
    const html = await (await t.app.request("/sign-in?next=/private/inbox")).text();
    expect(html).toContain("Sign in with ESA");
    expect(html).toContain('href="/sign-in/sso/esa?next=%2Fprivate%2Finbox"');
    // An acronym with a space is addressed by its slug.
    await enableSso({ acronym: "PT Space" });
    expect(await (await t.app.request("/sign-in")).text()).toContain('href="/sign-in/sso/pt-space"');
    expect((await t.app.request("/sign-in/sso/pt-space")).status).toBe(303);
  });

  it("an active ESA person is signed in, keeps `next`, and is found by subject after their e-mail changes", async () => {
    await enableSso();
    const me = await makePerson(t.deps, ["member"], "ESA");
    const sub = providerUser(me.email.toUpperCase());
    const res = await ssoSignIn(sub, "/sign-in/sso/ESA?next=/private/inbox");
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get("location")).toBe("/private/inbox");
    const session = cookieFrom(res, "isecg_session")!;
    expect(session).toBeDefined();
    expect((await t.app.request("/private", { headers: { cookie: session } })).status).toBe(200);
    const [signedIn] = await audits("session.create");
    expect(signedIn).toMatchObject({ summary: "Signed in with single sign-on", actorId: me.id });
    expect(await t.deps.db.select().from(ssoIdentities).where(eq(ssoIdentities.personId, me.id))).toEqual([
      expect.objectContaining({ issuer: idp.issuer, subject: sub }),
    ]);
    // The agency changes the address; the same subject still maps to the same person.
    idp.users.set(sub, { ...idp.users.get(sub)!, email: "renamed@esa.example" });
    const again = await ssoSignIn(sub);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe("/private");
    expect(await audits("session.create")).toHaveLength(2);
  });

  it("an invited person's invitation is accepted by signing in, and the invitation page offers it", async () => {
    await enableSso();
    const sec = await makePerson(t.deps, ["secretariat"], null);
    const id = await invitePerson(t.deps, sec, {
      name: "Ina Vited",
      email: "ina@esa.example",
      organisation: "ESA",
      roles: ["member", "focal_point"],
    });
    const [mail] = await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, "ina@esa.example"));
    const link = new URL(/https?:\/\/\S+\/invitation\/[\w-]+/.exec(mail!.textBody)![0]).pathname;
    const invitation = await (await t.app.request(link)).text();
    expect(invitation).toContain("Use single sign-on with ESA");
    expect(invitation).toContain('href="/sign-in/sso/esa"');
    const sub = providerUser("Ina@ESA.example");
    const res = await ssoSignIn(sub);
    expect(res.status, await res.clone().text()).toBe(303);
    expect(await personByEmail("ina@esa.example")).toMatchObject({
      id,
      active: true,
      roles: ["member", "focal_point"],
    });
    expect((await audits("invitation.accept"))[0]!.summary).toContain("single sign-on");
    expect(await invitationLinkLive(id)).toBe(false);
  });

  it("a new address at an allowed domain becomes a member of ESA, audited; nothing else is given", async () => {
    await enableSso({ domains: ["esa.example"] });
    const res = await ssoSignIn(providerUser("New.Comer@esa.example"));
    expect(res.status, await res.clone().text()).toBe(303);
    const created = await personByEmail("new.comer@esa.example");
    expect(created).toMatchObject({
      name: "Sam Provider",
      roles: ["member"],
      active: true,
      organisationId: await orgId("ESA"),
      passwordHash: null,
    });
    expect((await audits("person.create"))[0]!.summary).toContain("through single sign-on");
  });

  it("no account, no invitation and no matching domain: refused with a clear page, nothing created", async () => {
    await enableSso({ domains: ["esa.example"] });
    const before = (await t.deps.db.select().from(people)).length;
    const res = await ssoSignIn(providerUser("stranger@elsewhere.example"));
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("No account for this identity");
    expect(html).toContain("Ask your focal point or the secretariat for an invitation.");
    expect(res.headers.getSetCookie().join()).not.toContain("isecg_session=");
    expect((await t.deps.db.select().from(people)).length).toBe(before);
    expect(await t.deps.db.select().from(ssoIdentities)).toEqual([]);
  });

  it("a person of another agency, or a deactivated one, is refused", async () => {
    await enableSso({ domains: ["example.org"] });
    const jaxa = await makePerson(t.deps, ["member", "focal_point"], "JAXA");
    const wrong = await ssoSignIn(providerUser(jaxa.email));
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain("This account is not with ESA");
    const gone = await makePerson(t.deps, ["member"], "ESA");
    await t.deps.db.update(people).set({ active: false }).where(eq(people.id, gone.id));
    const refused = await ssoSignIn(providerUser(gone.email));
    expect(refused.status).toBe(403);
    expect(await personByEmail(gone.email)).toMatchObject({ active: false });
  });

  it("a person's identity at the provider is in their data export and goes with erasure", async () => {
    await enableSso();
    const me = await makePerson(t.deps, ["member"], "ESA");
    const sub = providerUser(me.email);
    expect((await ssoSignIn(sub)).status).toBe(303);
    const sec = await makePerson(t.deps, ["secretariat"], null);
    expect((await exportPersonalData(t.deps, sec, me.id)).singleSignOn).toEqual([
      expect.objectContaining({ issuer: idp.issuer, subject: sub }),
    ]);
    await erasePerson(t.deps, sec, me.id);
    expect(await t.deps.db.select().from(ssoIdentities)).toEqual([]);
    expect((await ssoSignIn(sub)).status).toBe(403);
  });

  it("an e-mail the provider has not verified is refused", async () => {
    await enableSso({ domains: ["esa.example"] });
    const me = await makePerson(t.deps, ["member"], "ESA");
    const res = await ssoSignIn(providerUser(me.email, false));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("has not verified the e-mail address");
    expect(await audits("session.create")).toEqual([]);
  });
});

async function invitationLinkLive(personId: number) {
  const { accountLinks } = await import("../../src/db/schema/index.js");
  const rows = await t.deps.db
    .select()
    .from(accountLinks)
    .where(and(eq(accountLinks.personId, personId), eq(accountLinks.purpose, "invite")));
  return rows.some((r) => r.usedAt === null);
}

describe("single sign-on: when things go wrong", () => {
  it("one network may start so many sign-ins in 15 minutes; then a clear 429 and nothing stored, while others go on", async () => {
    await enableSso();
    // Behind the site's proxy, as in production: the address is the proxy's last forwarded hop.
    t.deps.config = { ...t.deps.config, trustProxy: true };
    const startFrom = (address: string) =>
      t.app.request("/sign-in/sso/esa", { headers: { "x-forwarded-for": address } });
    for (let i = 0; i < 120; i++) expect((await startFrom("198.51.100.7")).status).toBe(303);
    const flows = (await t.deps.db.select().from(ssoFlows)).length;
    const refused = await startFrom("198.51.100.7");
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Too many sign-ins were started from your network");
    expect((await t.deps.db.select().from(ssoFlows)).length).toBe(flows);
    expect((await startFrom("198.51.100.8")).status).toBe(303);
  });

  it("a tampered state is refused and the flow is used up", async () => {
    await enableSso();
    const me = await makePerson(t.deps, ["member"], "ESA");
    const { url, cookie } = await start();
    const back = await idp.signIn(url, providerUser(me.email));
    const forged = new URL(back);
    forged.searchParams.set("state", "forged-state");
    const res = await callback(forged, cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Please start the sign-in again");
    // The genuine answer no longer works either: the flow is gone.
    expect((await callback(back, cookie)).status).toBe(400);
  });

  it("a replayed callback is refused, and one without the browser's cookie too", async () => {
    await enableSso();
    const me = await makePerson(t.deps, ["member"], "ESA");
    const { url, cookie } = await start();
    const back = await idp.signIn(url, providerUser(me.email));
    expect((await callback(back)).status).toBe(400);
    expect((await callback(back, cookie)).status).toBe(303);
    const replay = await callback(back, cookie);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain("already finished");
    expect(await audits("session.create")).toHaveLength(1);
  });

  it("cancelling at the provider (access_denied) gives a clear page, not an error", async () => {
    await enableSso();
    const { url, cookie } = await start();
    const back = await idp.cancel(url);
    expect(back.searchParams.get("error")).toBe("access_denied");
    const res = await callback(back, cookie);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("did not let you in, or you cancelled");
  });

  it("a provider that cannot be reached gives a clear page, at the start and at the callback", async () => {
    await enableSso({ issuer: "http://127.0.0.1:9" });
    const res = await t.app.request("/sign-in/sso/esa");
    expect(res.status).toBe(502);
    expect(await res.text()).toContain("sign-in service cannot be reached");
    // Started while it was up, then it went away before the callback.
    await t.deps.db.update(ssoProviders).set({ issuer: idp.issuer });
    const me = await makePerson(t.deps, ["member"], "ESA");
    const { url, cookie } = await start();
    const back = await idp.signIn(url, providerUser(me.email));
    await t.deps.db.update(ssoProviders).set({ issuer: "http://127.0.0.1:9" });
    expect((await callback(back, cookie)).status).toBe(502);
  });

  it("an unknown organisation, or one whose single sign-on is off, is a 404 page", async () => {
    expect((await t.app.request("/sign-in/sso/nope")).status).toBe(404);
    await enableSso();
    await t.deps.db.update(ssoProviders).set({ enabled: false });
    const res = await t.app.request("/sign-in/sso/esa");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("There is no single sign-on");
  });

  it("signing in with single sign-on ends the session the browser had", async () => {
    await enableSso();
    const before = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "JAXA"));
    const me = await makePerson(t.deps, ["member"], "ESA");
    const { url, cookie } = await start();
    const back = await idp.signIn(url, providerUser(me.email));
    const res = await callback(back, `${cookie}; ${before.cookie}`);
    expect(res.status).toBe(303);
    expect((await before.get("/private")).status).toBe(303);
  });

  it("`next` only ever leads to this site", async () => {
    await enableSso();
    const me = await makePerson(t.deps, ["member"], "ESA");
    const res = await ssoSignIn(providerUser(me.email), "/sign-in/sso/esa?next=/%5Cevil.example");
    expect(res.headers.get("location")).toBe("/private");
  });
});

describe("single sign-on settings", () => {
  const form = {
    issuer: "https://login.esa.example/realms/staff",
    clientId: "isecg",
    clientSecret: "the-very-secret-value",
    allowedDomains: "esa.example, @ESA.int\nesa.example",
    enabled: "on",
  };

  it("the secretariat saves them; the secret is never shown back, kept when left blank, and not audited", async () => {
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const saved = await sec.post("/private/members/esa/sso", form);
    expect(saved.status, await saved.clone().text()).toBe(303);
    const page = await (await sec.get("/private/members/esa/sso")).text();
    expect(page).not.toContain("the-very-secret-value");
    expect(page).toContain("A secret is stored");
    expect(page).toContain("esa.example\nesa.int");
    expect(
      (await sec.post("/private/members/esa/sso", { ...form, clientSecret: "", enabled: "" })).status,
    ).toBe(303);
    const [row] = await t.deps.db.select().from(ssoProviders);
    expect(row).toMatchObject({
      clientSecret: "the-very-secret-value",
      enabled: false,
      allowedDomains: ["esa.example", "esa.int"],
    });
    const entries = await audits("organisation.sso.update");
    expect(entries).toHaveLength(2);
    expect(JSON.stringify(entries)).not.toContain("the-very-secret-value");
  });

  it("bad domains, a plain-http issuer elsewhere than localhost and a missing secret are refused (422)", async () => {
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const badDomain = await sec.post("/private/members/esa/sso", {
      ...form,
      allowedDomains: "esa.int, not a domain, x@",
    });
    expect(badDomain.status).toBe(422);
    expect(await badDomain.text()).toContain("Not a domain name: not, a, domain");
    const http = await sec.post("/private/members/esa/sso", { ...form, issuer: "http://login.esa.example" });
    expect(http.status).toBe(422);
    expect((await sec.post("/private/members/esa/sso", { ...form, clientSecret: "" })).status).toBe(422);
    expect(
      (await sec.post("/private/members/esa/sso", { ...form, issuer: "http://127.0.0.1:4000/op" })).status,
    ).toBe(303);
    expect(await t.deps.db.select().from(ssoProviders)).toHaveLength(1);
  });

  it("testing the connection says whether the saved provider answers", async () => {
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const test = async () => (await sec.post("/private/members/esa/sso/test")).headers.get("location");
    expect(await test()).toBe("/private/members/esa/sso?done=unsaved");
    await enableSso();
    expect(await test()).toBe("/private/members/esa/sso?done=reachable");
    expect(await (await sec.get("/private/members/esa/sso?done=reachable")).text()).toContain(
      "The identity provider answered",
    );
    await t.deps.db.update(ssoProviders).set({ issuer: "http://127.0.0.1:9" });
    expect(await test()).toBe("/private/members/esa/sso?done=unreachable");
  });

  it("a focal point or a member cannot see or change them (403)", async () => {
    for (const roles of [["member", "focal_point"], ["member"]] as const) {
      const b = await browser(t.deps, t.app, await makePerson(t.deps, [...roles], "ESA"));
      expect((await b.get("/private/members/esa/sso")).status).toBe(403);
      expect((await b.post("/private/members/esa/sso", form)).status).toBe(403);
      expect((await b.post("/private/members/esa/sso/test")).status).toBe(403);
    }
    expect(await t.deps.db.select().from(ssoProviders)).toEqual([]);
  });
});
