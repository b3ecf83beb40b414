import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, outbox, people } from "../../src/db/schema/index.js";
import { loggablePath } from "../../src/http/redact.js";
import { browser, makePerson } from "../support/actors.js";
import { useTestDatabase } from "../support/database.js";

let clock = new Date("2031-01-10T12:00:00Z");
const t = useTestDatabase({ now: () => clock });
const password = "my own long password";

/** The invitation link in the latest mail to this address. */
async function linkFor(email: string) {
  const mails = await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, email));
  const last = mails.sort((a, b) => b.id - a.id)[0]!;
  return new URL(/https?:\/\/\S+\/invitation\/[\w-]+/.exec(last.textBody)![0]).pathname;
}
const person = async (email: string) =>
  (await t.deps.db.select().from(people).where(eq(people.email, email)))[0];
const actions = async () => (await t.deps.db.select().from(auditLog)).map((a) => a.action);

describe("invitations", () => {
  it("the secretariat invites a focal point, who accepts by the mailed link, chooses a password and is in", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const res = await sec.post("/private/invitations/new", {
      name: "Erin Focal",
      email: "erin@esa.example",
      organisation: "ESA",
      roles: ["member", "focal_point"],
    });
    expect(res.status).toBe(303);
    expect(await (await sec.get("/private/invitations")).text()).toContain("Erin Focal");
    expect(await person("erin@esa.example")).toMatchObject({ active: false, passwordHash: null });
    const link = await linkFor("erin@esa.example");
    expect(loggablePath(link)).toBe("/invitation/[token]");
    const b = await browser(t.deps, t.app);
    expect(await (await b.get(link)).text()).toContain("Welcome, Erin Focal");
    const accepted = await b.post(link, { password, confirmPassword: password });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toBe("/private");
    expect(accepted.headers.get("set-cookie")).toMatch(/isecg_session=/);
    expect(await person("erin@esa.example")).toMatchObject({
      active: true,
      roles: ["member", "focal_point"],
    });
    // Single use; and no longer pending.
    expect((await b.get(link)).status).toBe(404);
    expect(await (await sec.get("/private/invitations")).text()).not.toContain("Erin Focal");
    expect(await actions()).toEqual(expect.arrayContaining(["invitation.create", "invitation.accept"]));
  });

  it("a focal point invites a member of their own agency; another agency or a higher role is refused", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const fp = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    expect(
      (await fp.post("/private/invitations/new", { name: "Colleague", email: "col@esa.example" })).status,
    ).toBe(303);
    const [colleague] = await t.deps.db.select().from(people).where(eq(people.email, "col@esa.example"));
    expect(colleague!.roles).toEqual(["member"]);
    const other = await fp.post("/private/invitations/new", {
      name: "Spy",
      email: "spy@jaxa.example",
      organisation: "JAXA",
    });
    expect(other.status).toBe(403);
    const higher = await fp.post("/private/invitations/new", {
      name: "Boss",
      email: "boss@esa.example",
      roles: ["member", "focal_point"],
    });
    expect(higher.status).toBe(403);
    expect(await person("spy@jaxa.example")).toBeUndefined();
    expect(await person("boss@esa.example")).toBeUndefined();
    const member = await browser(t.deps, t.app, await makePerson(t.deps, ["member"], "ESA"));
    expect(
      (await member.post("/private/invitations/new", { name: "X", email: "x@esa.example" })).status,
    ).toBe(403);
  });

  it("another agency's focal point cannot resend or withdraw an invitation", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const fp = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "ESA"));
    await fp.post("/private/invitations/new", { name: "Colleague", email: "col2@esa.example" });
    const id = (await person("col2@esa.example"))!.id;
    const jaxa = await browser(t.deps, t.app, await makePerson(t.deps, ["member", "focal_point"], "JAXA"));
    expect((await jaxa.post(`/private/invitations/${id}/resend`)).status).toBe(403);
    expect((await jaxa.post(`/private/invitations/${id}/withdraw`)).status).toBe(403);
    expect(await (await jaxa.get("/private/invitations")).text()).not.toContain("col2@esa.example");
  });

  it("resending replaces the link; withdrawing asks first, then the link and record are gone", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    await sec.post("/private/invitations/new", {
      name: "Ola",
      email: "ola@cnes.example",
      organisation: "CNES",
      roles: "member",
    });
    const first = await linkFor("ola@cnes.example");
    const id = (await person("ola@cnes.example"))!.id;
    expect((await sec.post(`/private/invitations/${id}/resend`)).status).toBe(303);
    const second = await linkFor("ola@cnes.example");
    expect(second).not.toBe(first);
    expect((await t.app.request(first)).status).toBe(404);
    expect((await t.app.request(second)).status).toBe(200);
    expect(await (await sec.get(`/private/invitations/${id}/withdraw`)).text()).toContain(
      "Withdraw the invitation of Ola?",
    );
    expect((await sec.post(`/private/invitations/${id}/withdraw`)).status).toBe(303);
    expect((await t.app.request(second)).status).toBe(404);
    expect(await person("ola@cnes.example")).toBeUndefined();
    expect(await actions()).toEqual(expect.arrayContaining(["invitation.resend", "invitation.withdraw"]));
  });

  it("a link expires after 7 days", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    await sec.post("/private/invitations/new", {
      name: "Late",
      email: "late@esa.example",
      organisation: "ESA",
      roles: "member",
    });
    const link = await linkFor("late@esa.example");
    clock = new Date("2031-01-17T12:00:01Z");
    expect((await t.app.request(link)).status).toBe(404);
  });

  it("an address already in the directory cannot be invited again", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const existing = await makePerson(t.deps, ["member"], "ESA");
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    const res = await sec.post("/private/invitations/new", {
      name: "Dup",
      email: existing.email,
      organisation: "ESA",
      roles: "member",
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("already exists");
  });
});

describe("an invitation's link", () => {
  it("is not a password reset link: used at /reset it answers 404 and changes nothing", async () => {
    clock = new Date("2031-01-10T12:00:00Z");
    const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
    await sec.post("/private/invitations/new", {
      name: "Ivo Invited",
      email: "ivo@esa.example",
      organisation: "ESA",
    });
    const token = (await linkFor("ivo@esa.example")).split("/").at(-1)!;
    const b = await browser(t.deps, t.app);
    expect((await b.get(`/reset/${token}`)).status).toBe(404);
    const res = await b.post(`/reset/${token}`, { password, confirmPassword: password });
    expect(res.status).toBe(404);
    expect(await person("ivo@esa.example")).toMatchObject({ active: false, passwordHash: null });
    expect((await b.get(`/invitation/${token}`)).status).toBe(200);
  });
});
